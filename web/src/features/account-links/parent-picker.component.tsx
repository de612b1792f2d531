import { accountSchema } from '@contract/accounts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { useAccountSearch } from '@web/features/accounts/use-account-search';

type Props = { value: string | null; onChange: (id: string | null) => void; error?: ReactNode };

/** Picks the parent organization; the current one shows by name even before the user searches. */
export function ParentPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const results = useAccountSearch('organization', debounced);
  const current = useQuery({
    queryKey: accountKeys.detail(value ?? ''),
    queryFn: ({ signal }) => apiJson(accountSchema, `/accounts/${encodeURIComponent(value ?? '')}`, { signal }),
    enabled: value !== null,
    retry: false,
  });
  const options = (results.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }));
  if (value && !options.some((option) => option.value === value)) {
    // A parent outside the user's portfolio keeps its place without its name.
    options.unshift({ value, label: current.data?.name ?? t('links:tree.hiddenParent') });
  }
  return (
    <Select
      label={t('links:tree.parent')}
      placeholder={t('accounts:contacts.searchPlaceholder')}
      searchable
      clearable
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('common:status.loading') : t('common:status.nothingFound')}
      error={error}
    />
  );
}
