import { interestKinds } from '@contract/account-links';
import { useTranslation } from 'react-i18next';
import type { FilterField } from '@web/components/list-kit/filter-fields';
import { useListItems } from '@web/features/lists/use-lists';
import { useTags } from '@web/features/tags/use-tags';

/** The accounts list's filters by characteristic, interest area (and its kind) and tag. */
export function useTraitFilterFields(values: Readonly<Record<string, string | undefined>>): FilterField[] {
  const { t } = useTranslation();
  const characteristics = useListItems('characteristic');
  const interests = useListItems('interest_area');
  const tags = useTags();
  const tagOptions = (tags.data?.pages.flatMap((page) => page.items) ?? []).map((tag) => ({ value: tag.id, label: tag.name }));
  return [
    { key: 'characteristic', type: 'select', label: t('links:filter.characteristic'), searchable: true, data: characteristics.options(values.characteristic) },
    { key: 'interest', type: 'select', label: t('links:filter.interest'), searchable: true, data: interests.options(values.interest) },
    { key: 'interestKind', type: 'select', label: t('links:filter.interestKind'), data: interestKinds.map((kind) => ({ value: kind, label: t(`links:interestKind.${kind}`) })) },
    { key: 'tagId', type: 'select', label: t('links:filter.tag'), searchable: true, data: tagOptions },
  ];
}
