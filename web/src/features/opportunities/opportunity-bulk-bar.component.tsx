import { opportunityBulkActionTypes, type OpportunityBulkAction, type OpportunitySelection } from '@contract/opportunity-actions';
import { Anchor, Button, Group, Menu, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatTotal } from '@web/components/format';
import { useJobProgress } from '@web/features/bulk/use-job-progress';
import { ExportMenu } from '@web/features/exports/export-menu.component';
import { ListSelect } from '@web/features/lists/list-select.component';
import { TagSelect } from '@web/features/tags/tag-select.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import { opportunityKeys } from './opportunity-keys';
import { useOpportunityBulk } from './use-opportunity-mutations';

type ActionType = (typeof opportunityBulkActionTypes)[number];

type Props = {
  count: number;
  total: number;
  totalIsEstimate: boolean;
  allMatching: boolean;
  ids: ReadonlySet<string>;
  selection: OpportunitySelection;
  filters: Record<string, string | undefined>;
  onSelectAllMatching: () => void;
  onClear: () => void;
};

/** Shown while rows are ticked: how many, "all matching", export, and owner / stage / tag for all of them. */
export function OpportunityBulkBar({ count, total, totalIsEstimate, allMatching, ids, selection, filters, onSelectAllMatching, onClear }: Props) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState<ActionType | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const bulk = useOpportunityBulk();
  const track = useJobProgress();
  const queryClient = useQueryClient();
  const users = useUserOptions();

  const close = () => {
    setPicking(null);
    setValue(null);
    bulk.reset();
  };
  const actionOf = (type: ActionType, target: string): OpportunityBulkAction => {
    switch (type) {
      case 'setOwner': return { type, ownerId: target };
      case 'setStage': return { type, stage: target };
      case 'addTag':
      case 'removeTag': return { type, tagId: target };
    }
  };
  const start = () => {
    if (!picking || !value) return;
    bulk.mutate({ selection, action: actionOf(picking, value) }, {
      onSuccess: (started) => {
        const title = t(`opportunities:bulk.action.${picking}`);
        close();
        onClear();
        void track(started.jobId, title, started.total).finally(() => queryClient.invalidateQueries({ queryKey: opportunityKeys.all }));
      },
    });
  };

  return (
    <Paper withBorder p="xs" data-testid="opportunity-bulk-bar" role="region" aria-label={t('opportunities:bulk.label')}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="sm" wrap="wrap" align="baseline">
          <Text fw={600} size="sm">
            {allMatching ? t('opportunities:bulk.allMatching', { total: formatTotal(total, totalIsEstimate) }) : t('opportunities:bulk.selected', { count })}
          </Text>
          {!allMatching && total > count && (
            <Anchor component="button" type="button" size="sm" onClick={onSelectAllMatching}>
              {t('opportunities:bulk.selectAll', { total: formatTotal(total, totalIsEstimate) })}
            </Anchor>
          )}
          <Anchor component="button" type="button" size="sm" onClick={onClear}>{t('opportunities:bulk.clear')}</Anchor>
        </Group>
        <Group gap="xs" wrap="wrap">
          <ExportMenu path="/exports/opportunities" filters={filters} ids={allMatching ? undefined : [...ids]} compact testId="opportunity-bulk-export" help={allMatching ? t('opportunities:list.exportHelp') : t('opportunities:list.exportSelectedHelp')} />
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" rightSection={<IconChevronDown size={14} />}>{t('opportunities:bulk.actions')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {opportunityBulkActionTypes.map((type) => (
                <Menu.Item key={type} onClick={() => setPicking(type)}>{t(`opportunities:bulk.action.${type}`)}</Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <Modal opened={picking !== null} onClose={close} title={picking ? t(`opportunities:bulk.action.${picking}`) : ''} centered>
        <Stack gap="sm">
          {picking === 'setOwner' && (
            <Select
              label={t('opportunities:field.owner')}
              searchable
              data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
              value={value}
              onChange={setValue}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {picking === 'setStage' && <ListSelect listKey="opportunity_stage" label={t('opportunities:field.stage')} value={value} onChange={setValue} />}
          {(picking === 'addTag' || picking === 'removeTag') && <TagSelect label={t('opportunities:filter.tag')} value={value} onChange={setValue} />}
          <ErrorAlert error={bulk.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common:action.cancel')}</Button>
            <Button onClick={start} disabled={!value} loading={bulk.isPending}>{t('opportunities:bulk.apply')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
