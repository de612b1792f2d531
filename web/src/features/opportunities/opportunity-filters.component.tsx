import { opportunityStatuses } from '@contract/opportunities';
import { Paper, Select, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { DebouncedTextInput } from '@web/components/debounced-text-input.component';
import { AccountPicker } from '@web/features/accounts/account-picker.component';
import { accountQuery } from '@web/features/accounts/use-account';
import { ListSelect } from '@web/features/lists/list-select.component';
import { TagSelect } from '@web/features/tags/tag-select.component';
import { useUserOptions } from '@web/features/users/use-user-options';

type Props = {
  get: (key: string) => string;
  set: (key: string, value: string | null) => void;
  /** The list also filters by stage and status; the board's columns are the stages. */
  withStage?: boolean;
};

/** The filters of the opportunities list and board, kept in the URL. */
export function OpportunityFilters({ get, set, withStage = false }: Props) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const organizationId = get('organizationId');
  // The organization's name for a filter read from the URL (a bookmark, the list ⇄ board switch).
  const organization = useQuery({ ...accountQuery(organizationId), enabled: organizationId !== '' });
  return (
    <Paper withBorder p="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <DebouncedTextInput label={t('opportunities:filter.search')} value={get('q')} onCommit={(value) => set('q', value || null)} />
        {withStage && <ListSelect listKey="opportunity_stage" label={t('opportunities:field.stage')} value={get('stage') || null} onChange={(value) => set('stage', value)} />}
        {withStage && (
          <Select
            label={t('opportunities:field.status')}
            clearable
            data={opportunityStatuses.map((value) => ({ value, label: t(`opportunities:status.${value}`) }))}
            value={get('status') || null}
            onChange={(value) => set('status', value)}
          />
        )}
        <Select
          label={t('opportunities:field.owner')}
          clearable
          searchable
          data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
          value={get('ownerId') || null}
          onChange={(value) => set('ownerId', value)}
        />
        <AccountPicker kind="organization" label={t('opportunities:field.organization')} value={organizationId || null} exclude={[]}
          selectedLabel={organization.data?.name} onChange={(value) => set('organizationId', value)} />
        <TagSelect label={t('opportunities:filter.tag')} value={get('tagId') || null} onChange={(value) => set('tagId', value)} />
        <ListSelect listKey="source" label={t('opportunities:field.source')} value={get('source') || null} onChange={(value) => set('source', value)} />
        <DateField label={t('opportunities:filter.closeFrom')} value={get('closeFrom') || null} onChange={(value) => set('closeFrom', value)} />
        <DateField label={t('opportunities:filter.closeTo')} value={get('closeTo') || null} onChange={(value) => set('closeTo', value)} />
      </SimpleGrid>
    </Paper>
  );
}
