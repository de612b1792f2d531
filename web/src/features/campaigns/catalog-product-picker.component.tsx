import { productListSchema, type Product } from '@contract/products';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';

type Picked = { id: string; code: string; name: string };
type Props = { value: Picked | null; onChange: (product: Product | null) => void };

/** Picks the active catalog product a campaign promotes, by code or name; the linked one shows even before searching. */
export function CatalogProductPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const results = useQuery({
    queryKey: ['campaigns', 'catalog-products', debounced],
    queryFn: ({ signal }) => apiJson(productListSchema, '/products', { query: { active: 'true', limit: 20, ...(debounced ? { q: debounced } : {}) }, signal }),
    placeholderData: keepPreviousData,
  });
  const found = results.data?.items ?? [];
  const options = found.map((product) => ({ value: product.id, label: `${product.code} · ${product.name}` }));
  if (value && !options.some((option) => option.value === value.id)) options.unshift({ value: value.id, label: `${value.code} · ${value.name}` });
  return (
    <Select
      label={t('campaigns:field.catalogProduct')}
      description={t('campaigns:form.catalogHint')}
      searchable
      clearable
      data={options}
      value={value?.id ?? null}
      onChange={(id) => {
        if (id === (value?.id ?? null)) return;
        onChange(id ? (found.find((product) => product.id === id) ?? null) : null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('common:status.loading') : t('common:status.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
