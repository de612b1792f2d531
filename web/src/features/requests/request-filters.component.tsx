import type { ListKey } from '@contract/lists';
import { requestSorts } from '@contract/requests';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '@web/components/list-kit/filter-bar.component';
import type { FilterField } from '@web/components/list-kit/filter-fields';
import type { ListFiltersProps } from '@web/components/list-kit/list-filters.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { useTeams } from '@web/features/users/use-teams';
import { useUserOptions } from '@web/features/users/use-user-options';

/** Seed 002's Solicitudes filters: status, handled and responsible in the bar's line, the others behind "more filters". */
export function RequestFilters({ values, onChange, compact, tools }: ListFiltersProps) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const lists = useListLookup();
  const teams = useTeams();
  const listField = (key: 'interest' | 'group' | 'channel' | 'source' | 'status', listKey: ListKey, primary = false): FilterField => ({
    key, type: 'select', primary, label: t(`requests:field.${key}`), data: lists.options(listKey, values[key]),
  });
  const fields: FilterField[] = [
    listField('status', 'request_status', true),
    { key: 'handled', type: 'select', primary: true, label: t('requests:field.handled'), data: [{ value: 'false', label: t('requests:handled.no') }, { value: 'true', label: t('requests:handled.yes') }] },
    { key: 'responsibleId', type: 'select', primary: true, searchable: true, label: t('requests:field.responsible'), data: (users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })) },
    listField('interest', 'request_interest'),
    listField('group', 'request_group'),
    listField('channel', 'request_channel'),
    listField('source', 'source'),
    { key: 'teamId', type: 'select', label: t('company:team.filter'), data: (teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })) },
    { key: 'from', type: 'date', edge: 'start', label: t('requests:filter.from') },
    { key: 'to', type: 'date', edge: 'end', label: t('requests:filter.to') },
    { key: 'latestOnly', type: 'check', label: t('requests:filter.latestOnly') },
    { key: 'accountId', type: 'fixed', label: t('requests:filter.account') },
  ];
  return (
    <FilterBar
      fields={fields}
      values={values}
      onChange={onChange}
      compact={compact}
      tools={tools}
      sort={{
        label: t('requests:filter.sort'),
        value: values.sort ?? requestSorts[0],
        data: requestSorts.map((sort) => ({ value: sort, label: t(`requests:sort.${sort}`) })),
        onChange: (sort) => onChange({ sort }),
      }}
    />
  );
}
