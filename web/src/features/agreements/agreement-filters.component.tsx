import { agreementSorts, agreementStatuses } from '@contract/agreements';
import { useTranslation } from 'react-i18next';
import type { FilterField } from '@web/components/list-kit/filter-fields';
import { FilterBar } from '@web/components/list-kit/filter-bar.component';
import type { ListFiltersProps } from '@web/components/list-kit/list-filters.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { useUserOptions } from '@web/features/users/use-user-options';

/** The agreements list's filters: status and type in the bar's line; an organization or project only from their pages' links. */
export function AgreementFilters({ values, onChange, compact, tools }: ListFiltersProps) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const lists = useListLookup();
  const fields: FilterField[] = [
    { key: 'status', type: 'select', primary: true, label: t('agreements:field.status'), data: agreementStatuses.map((status) => ({ value: status, label: t(`agreements:status.${status}`) })) },
    { key: 'type', type: 'select', primary: true, label: t('agreements:field.type'), data: lists.options('agreement_type', values.type ?? null) },
    { key: 'unsigned', type: 'check', label: t('agreements:filter.unsigned') },
    { key: 'ownerId', type: 'select', searchable: true, label: t('agreements:field.owner'), data: (users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })) },
    { key: 'organizationId', type: 'fixed', label: t('agreements:field.organization') },
    { key: 'projectId', type: 'fixed', label: t('agreements:field.project') },
  ];
  return (
    <FilterBar
      search={{ label: t('agreements:filter.search'), placeholder: t('agreements:filter.searchPlaceholder') }}
      fields={fields}
      values={values}
      onChange={onChange}
      compact={compact}
      tools={tools}
      sort={{
        label: t('agreements:filter.sort'),
        value: values.sort ?? '-createdAt',
        data: agreementSorts.map((sort) => ({ value: sort, label: t(`agreements:sort.${sort}`) })),
        onChange: (sort) => onChange({ sort }),
      }}
    />
  );
}
