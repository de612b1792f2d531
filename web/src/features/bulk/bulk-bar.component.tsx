import type { BulkAction, BulkSelection } from '@contract/bulk';
import { Button, Menu } from '@mantine/core';
import { IconArrowMerge, IconChevronDown, IconTag, IconTagOff, IconFlag, IconUserPlus, IconUserMinus, IconSparkles, IconTrash, IconMail, IconSpeakerphone, IconFolderPlus, IconFileCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmModal } from '@web/components/confirm-modal.component';
import { useConfirm } from '@web/components/confirm';
import { formatTotal } from '@web/components/format';
import { ExportMenu } from '@web/features/exports/export-menu.component';
import { LazyBulkMailModal } from '@web/features/mail/mail-launchers.component';
import { SelectionBar } from '@web/components/list-kit/selection-bar.component';
import { AddToCampaignModal } from '@web/features/campaigns/add-to-campaign-modal.component';
import { LazyAgreementBulkModal } from '@web/features/agreements/agreement-bulk-launcher.component';
import { agreementBulkResultSchema } from '@contract/agreement-bulk';
import { BulkActionModal, type PickedActionType } from './bulk-action-modal.component';
import { bulkCountTexts, bulkDiscardTexts } from './bulk-count-texts';
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
  /** The list's query as its URL spells it (for the export). */
  filters: Record<string, string | undefined>;
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
  { type: 'createProject', icon: IconFolderPlus },
] as const satisfies ReadonlyArray<{ type: PickedActionType; icon: unknown }>;

/** Shown while rows are ticked: how many, "select all matching", clear, export and the actions. */
export function BulkBar({ count, total, totalIsEstimate, allMatching, ids, selection, filters, onSelectAllMatching, onClear }: Props) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState<PickedActionType | null>(null);
  const [mailing, setMailing] = useState(false);
  const [campaigning, setCampaigning] = useState(false);
  const [sendingAgreement, setSendingAgreement] = useState(false);
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
          setCampaigning(false);
          discard.close();
          onClear();
          void track(started.jobId, t(`bulk:action.${action.type}`), started.total);
        },
      },
    );
  };
  // Followed like the other actions; its summary counts companies sent, without an address and failed, and links to the report.
  const followAgreements = (started: { jobId: string; total: number }) => {
    onClear();
    void track(started.jobId, t('bulk:action.sendAgreement'), started.total, {
      summary: (result) => {
        const counts = agreementBulkResultSchema.safeParse(result);
        return counts.success ? t('bulk:progress.agreementsDone', counts.data) : null;
      },
      report: { label: t('bulk:progress.report'), open: () => void navigate(`/agreements/bulk/${started.jobId}`) },
    });
  };
  const close = () => {
    setPicking(null);
    setCampaigning(false);
    discard.close();
    bulk.reset();
  };

  return (
    <SelectionBar
      count={count}
      total={total}
      allMatching={allMatching}
      texts={{
        selected: t('bulk:bar.selected', { count }),
        allMatching: t('bulk:bar.allMatching', { count, total: formatTotal(count, totalIsEstimate) }),
        selectAll: t('bulk:bar.selectAll', { count: total, total: formatTotal(total, totalIsEstimate) }),
        clear: t('bulk:bar.clear'),
        label: t('bulk:bar.label'),
      }}
      onSelectAllMatching={onSelectAllMatching}
      onClear={onClear}
    >
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
          <Menu.Item leftSection={<IconSpeakerphone size={16} />} onClick={() => setCampaigning(true)}>
            {t('bulk:action.addToCampaign')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileCertificate size={16} />} onClick={() => setSendingAgreement(true)}>
            {t('bulk:action.sendAgreement')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => discard.ask(true)}>
            {t('bulk:action.discard')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {mailing && <LazyBulkMailModal selection={selection} title={t('mail:bulk.title', { count })} onClose={() => setMailing(false)} onStarted={onClear} />}
      {sendingAgreement && (
        <LazyAgreementBulkModal selection={selection} appliesTo={bulkCountTexts(t, count, countIsEstimate).appliesTo} onStarted={followAgreements} onClose={() => setSendingAgreement(false)} />
      )}
      {campaigning && <AddToCampaignModal appliesTo={bulkCountTexts(t, count, countIsEstimate).appliesTo} loading={bulk.isPending} error={bulk.error} onSubmit={start} onClose={close} />}
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
    </SelectionBar>
  );
}
