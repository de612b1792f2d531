import { interestKinds } from '@contract/account-links';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useListItems } from '@web/features/lists/use-lists';
import { useTags } from '@web/features/tags/use-tags';
import type { useAccountListParams } from './use-account-list-params';

type Props = Pick<ReturnType<typeof useAccountListParams>, 'filters' | 'setParams'>;

/** Filters by characteristic, interest area (and its kind) and tag: cells of the filter grid. */
export function TraitFilters({ filters, setParams }: Props) {
  const { t } = useTranslation();
  const characteristics = useListItems('characteristic');
  const interests = useListItems('interest_area');
  const tags = useTags();
  const tagOptions = (tags.data?.pages.flatMap((page) => page.items) ?? []).map((tag) => ({ value: tag.id, label: tag.name }));
  return (
    <>
      <Select
        label={t('links:filter.characteristic')}
        placeholder={t('accounts:filter.any')}
        clearable
        searchable
        data={characteristics.options(filters.characteristic)}
        value={filters.characteristic ?? null}
        onChange={(value) => setParams({ characteristic: value })}
      />
      <Select
        label={t('links:filter.interest')}
        placeholder={t('accounts:filter.any')}
        clearable
        searchable
        data={interests.options(filters.interest)}
        value={filters.interest ?? null}
        onChange={(value) => setParams({ interest: value })}
      />
      <Select
        label={t('links:filter.interestKind')}
        placeholder={t('accounts:filter.any')}
        clearable
        data={interestKinds.map((kind) => ({ value: kind, label: t(`links:interestKind.${kind}`) }))}
        value={filters.interestKind ?? null}
        onChange={(value) => setParams({ interestKind: value })}
      />
      <Select
        label={t('links:filter.tag')}
        placeholder={t('accounts:filter.any')}
        clearable
        searchable
        data={tagOptions}
        value={filters.tagId ?? null}
        onChange={(value) => setParams({ tagId: value })}
      />
    </>
  );
}
