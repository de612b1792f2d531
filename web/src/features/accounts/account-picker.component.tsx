import type { AccountKind } from '@contract/accounts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountSearch } from './use-account-search';

type Props = {
  kind: AccountKind;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  /** Accounts that may not be picked (the account itself, those already linked). */
  exclude: string[];
  /** The picked account's name, shown before any search (a value read from the URL). */
  selectedLabel?: string | undefined;
};

/** Picks an existing account of one kind, searching on the server as the user types. */
export function AccountPicker({ kind, label, value, onChange, error, exclude, selectedLabel }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const results = useAccountSearch(kind, debounced);
  const data = (results.data?.items ?? [])
    .filter((item) => !exclude.includes(item.id))
    .map((item) => ({ value: item.id, label: [item.name, item.city].filter(Boolean).join(' — ') }));
  if (value && selectedLabel && !data.some((item) => item.value === value)) data.unshift({ value, label: selectedLabel });

  return (
    <Select
      label={label}
      placeholder={t('accounts:contacts.searchPlaceholder')}
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; filtering again by label would hide matches on e-mail or tax id.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common:status.loading') : t('common:status.nothingFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
