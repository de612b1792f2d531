import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTags } from '@web/features/tags/use-tags';

/** Picks one existing tag by name; typing asks the server (names starting with it), so any number of tags works. */
export function TagSelect({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(picked?.label === search ? '' : search.trim(), 250);
  const tags = useTags(debounced);
  const data = (tags.data?.pages.flatMap((page) => page.items) ?? []).map((tag) => ({ value: tag.id, label: tag.name }));
  // Keep the chosen tag among the options even when the search no longer lists it.
  if (picked && !data.some((item) => item.value === picked.value)) data.push(picked);
  return (
    <Select
      label={t('bulk:field.tag')}
      data={data}
      value={value}
      onChange={(id, option) => {
        setPicked(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('common:status.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
