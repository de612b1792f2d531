import { projectSorts, projectStatuses } from '@contract/projects';
import { useTranslation } from 'react-i18next';
import type { FilterField } from '@web/components/list-kit/filter-fields';
import { FilterBar } from '@web/components/list-kit/filter-bar.component';
import type { ListFiltersProps } from '@web/components/list-kit/list-filters.component';
import { useUserOptions } from '@web/features/users/use-user-options';

/** The projects list's filters: status and responsible in the bar's line; an organization only from its page's link. */
export function ProjectFilters({ values, onChange, compact, tools }: ListFiltersProps) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const fields: FilterField[] = [
    { key: 'status', type: 'select', primary: true, label: t('projects:field.status'), data: projectStatuses.map((status) => ({ value: status, label: t(`projects:status.${status}`) })) },
    { key: 'responsibleId', type: 'select', primary: true, searchable: true, label: t('projects:field.responsibles'), data: (users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })) },
    { key: 'organizationId', type: 'fixed', label: t('projects:field.organization') },
    { key: 'teamId', type: 'fixed', label: t('projects:filter.team') },
  ];
  return (
    <FilterBar
      search={{ label: t('projects:filter.search'), placeholder: t('projects:filter.searchPlaceholder') }}
      fields={fields}
      values={values}
      onChange={onChange}
      compact={compact}
      tools={tools}
      sort={{
        label: t('projects:filter.sort'),
        value: values.sort ?? '-createdAt',
        data: projectSorts.map((sort) => ({ value: sort, label: t(`projects:sort.${sort}`) })),
        onChange: (sort) => onChange({ sort }),
      }}
    />
  );
}
