import { productKinds, productSorts } from '@contract/products';
import { useTranslation } from 'react-i18next';
import type { FilterField } from '@web/components/list-kit/filter-fields';
import { FilterBar } from '@web/components/list-kit/filter-bar.component';
import type { ListFiltersProps } from '@web/components/list-kit/list-filters.component';
import { useListItems } from '@web/features/lists/use-lists';

/** The catalog's filters: kind, category and active, all in the bar's line beside the search by code or name. */
export function ProductFilters({ values, onChange, compact, tools }: ListFiltersProps) {
  const { t } = useTranslation();
  const categories = useListItems('product_category');
  const fields: FilterField[] = [
    { key: 'kind', type: 'select', primary: true, label: t('catalog:field.kind'), data: productKinds.map((kind) => ({ value: kind, label: t(`catalog:kind.${kind}`) })) },
    { key: 'category', type: 'select', primary: true, label: t('catalog:field.category'), data: categories.options(values.category) },
    { key: 'active', type: 'select', primary: true, label: t('catalog:filter.active'), data: [{ value: 'true', label: t('catalog:filter.activeOnly') }, { value: 'false', label: t('catalog:filter.inactiveOnly') }] },
  ];
  return (
    <FilterBar
      search={{ label: t('catalog:filter.search'), placeholder: t('catalog:filter.searchPlaceholder') }}
      fields={fields}
      values={values}
      onChange={onChange}
      compact={compact}
      tools={tools}
      sort={{ label: t('catalog:filter.sort'), value: values.sort ?? 'name', data: productSorts.map((sort) => ({ value: sort, label: t(`catalog:sort.${sort}`) })), onChange: (sort) => onChange({ sort }) }}
    />
  );
}
