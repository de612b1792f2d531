import type { BulkAction, BulkSelection } from '@contract/bulk';
import { Anchor, Button, Group, Menu, Paper, Text } from '@mantine/core';
import { IconArrowMerge, IconChevronDown, IconTag, IconTagOff, IconFlag, IconUserPlus, IconUserMinus, IconSparkles, IconTrash, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmModal } from '@web/components/confirm-modal.component';
import { useConfirm } from '@web/components/confirm';
import { formatTotal } from '@web/components/format';
import { ExportMenu } from '@web/features/exports/export-menu.component';
import { LazyBulkMailModal } from '@web/features/mail/mail-launchers.component';
import type { AccountListFilters } from '@web/features/accounts/use-account-list-params';
import { BulkActionModal, type PickedActionType } from './bulk-action-modal.component';
import { bulkDiscardTexts } from './bulk-count-texts';
import { useBulkAction } from './use-bulk-action';
import { useJobProgress } from './use-job-progress';

type Props = {
  count: number;
  /** The list's total (everything matching the filters). */
  total: number;
  totalIsEstimate: boolean;
  allMatching: boolean;
  ids: ReadonlySet<string>;
  selection: BulkSelection;
  filters: AccountListFilters;
  onSelectAllMatching: () => void;
  onClear: () => void;
};

const pickedActions = [
  { type: 'addTag', icon: IconTag },
  { type: 'removeTag', icon: IconTagOff },
  { type: 'setStage', icon: IconFlag },
  { type: 'addOwners', icon: IconUserPlus },
  { type: 'removeOwners', icon: IconUserMinus },
  { type: 'addCharacteristic', icon: IconSparkles },
] as const satisfies ReadonlyArray<{ type: PickedActionType; icon: unknown }>;

/** Shown while rows are ticked: how many, "select all matching", clear, export and the actions. */
export function BulkBar({ count, total, totalIsEstimate, allMatching, ids, selection, filters, onSelectAllMatching, onClear }: Props) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState<PickedActionType | null>(null);
  const [mailing, setMailing] = useState(false);
  const discard = useConfirm<true>();
  const bulk = useBulkAction();
  const track = useJobProgress();
  const navigate = useNavigate();
  const countIsEstimate = allMatching && totalIsEstimate;
  // Two or three ticked rows may be duplicates of one another: the merge page compares them.
  const mergeable = !allMatching && ids.size >= 2 && ids.size <= 3;
  const discardTexts = bulkDiscardTexts(t, count, countIsEstimate);

  const start = (action: BulkAction) => {
    bulk.mutate(
      { selection, action },
      {
        onSuccess: (started) => {
          setPicking(null);
          discard.close();
          onClear();
          void track(started.jobId, t(`bulk:action.${action.type}`), started.total);
        },
      },
    );
  };
  const close = () => {
    setPicking(null);
    discard.close();
    bulk.reset();
  };

  return (
    <Paper withBorder p="xs" data-testid="bulk-bar" role="region" aria-label={t('bulk:bar.label')}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="sm" wrap="wrap" align="baseline">
          <Text fw={600} size="sm" data-testid="bulk-count">
            {allMatching ? t('bulk:bar.allMatching', { count, total: formatTotal(count, totalIsEstimate) }) : t('bulk:bar.selected', { count })}
          </Text>
          {!allMatching && total > count && (
            <Anchor component="button" type="button" size="sm" onClick={onSelectAllMatching}>
              {t('bulk:bar.selectAll', { count: total, total: formatTotal(total, totalIsEstimate) })}
            </Anchor>
          )}
          <Anchor component="button" type="button" size="sm" onClick={onClear}>
            {t('bulk:bar.clear')}
          </Anchor>
        </Group>
        <Group gap="xs" wrap="wrap">
          <ExportMenu filters={filters} ids={allMatching ? undefined : [...ids]} compact testId="bulk-export-menu" />
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" rightSection={<IconChevronDown size={14} />}>
                {t('bulk:bar.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {pickedActions.map(({ type, icon: Icon }) => (
                <Menu.Item key={type} leftSection={<Icon size={16} />} onClick={() => setPicking(type)}>
                  {t(`bulk:action.${type}`)}
                </Menu.Item>
              ))}
              {mergeable && (
                <Menu.Item leftSection={<IconArrowMerge size={16} />} onClick={() => void navigate(`/accounts/merge?ids=${[...ids].join(',')}`)}>
                  {t('bulk:action.merge')}
                </Menu.Item>
              )}
              <Menu.Item leftSection={<IconMail size={16} />} onClick={() => setMailing(true)}>
                {t('mail:bulk.action')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => discard.ask(true)}>
                {t('bulk:action.discard')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {mailing && <LazyBulkMailModal selection={selection} title={t('mail:bulk.title', { count })} onClose={() => setMailing(false)} onStarted={onClear} />}
      {picking && <BulkActionModal type={picking} count={count} countIsEstimate={countIsEstimate} loading={bulk.isPending} error={bulk.error} onSubmit={start} onClose={close} />}
      <ConfirmModal
        opened={discard.subject !== null}
        title={discardTexts.title}
        message={t('bulk:discard.message')}
        confirmLabel={discardTexts.confirm}
        danger
        loading={bulk.isPending}
        error={bulk.error}
        onConfirm={() => start({ type: 'discard' })}
        onClose={close}
      />
    </Paper>
  );
}
