import { activitySorts, activityStatuses } from '@contract/activities';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '@web/components/list-kit/filter-bar.component';
import type { FilterField } from '@web/components/list-kit/filter-fields';
import type { ListFiltersProps } from '@web/components/list-kit/list-filters.component';
import { useListItems } from '@web/features/lists/use-lists';
import { useTeams } from '@web/features/users/use-teams';
import { useUserOptions } from '@web/features/users/use-user-options';

/** The activities list's filters: status, type and responsible in the bar's line, the others behind "more filters". */
export function ActivityFilters({ values, onChange, compact, tools }: ListFiltersProps) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const types = useListItems('activity_type');
  const teams = useTeams();
  const yesNo = (key: string) => [{ value: 'true', label: t(`activities:filter.${key}.true`) }, { value: 'false', label: t(`activities:filter.${key}.false`) }];
  const fields: FilterField[] = [
    { key: 'status', type: 'select', primary: true, label: t('activities:field.status'), data: activityStatuses.map((value) => ({ value, label: t(`activities:status.${value}`) })) },
    { key: 'type', type: 'select', primary: true, label: t('activities:field.type'), data: types.options(values.type) },
    { key: 'responsibleId', type: 'select', primary: true, searchable: true, label: t('activities:field.responsible'), data: (users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })) },
    { key: 'mine', type: 'check', label: t('activities:filter.mine') },
    { key: 'overdue', type: 'select', label: t('activities:filter.overdue.label'), data: yesNo('overdue') },
    { key: 'teamId', type: 'select', label: t('company:team.filter'), data: (teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })) },
    { key: 'from', type: 'date', edge: 'start', label: t('activities:filter.from') },
    { key: 'to', type: 'date', edge: 'end', label: t('activities:filter.to') },
    { key: 'accountId', type: 'fixed', label: t('activities:filter.account') },
    { key: 'requestId', type: 'fixed', label: t('activities:filter.request') },
    { key: 'opportunityId', type: 'fixed', label: t('activities:filter.opportunity') },
    { key: 'campaignId', type: 'fixed', label: t('activities:filter.campaign') },
  ];
  return (
    <FilterBar
      fields={fields}
      values={values}
      onChange={onChange}
      compact={compact}
      tools={tools}
      sort={{
        label: t('activities:filter.sort'),
        value: values.sort ?? activitySorts[0],
        data: activitySorts.map((sort) => ({ value: sort, label: t(`activities:sort.${sort}`) })),
        onChange: (sort) => onChange({ sort }),
      }}
    />
  );
}
