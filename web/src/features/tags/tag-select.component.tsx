import type { TagRef } from '@contract/tags';
import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTags } from './use-tags';

type Option = { value: string; label: string };

type Props = {
  label: string;
  description?: ReactNode;
  /** Tags already chosen elsewhere (a saved rule), so their names show before any search. */
  known?: TagRef[];
} & (
  | { multiple?: false; value: string | null; onChange: (id: string | null) => void }
  | { multiple: true; value: string[]; onChange: (ids: string[]) => void }
);

/**
 * Picks existing tags by name, one or several; typing asks the server (names starting with it),
 * so any number of tags works.
 */
export function TagSelect(props: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Option[]>(() => (props.known ?? []).map((tag) => ({ value: tag.id, label: tag.name })));
  // Choosing an option fills the single select's box with its name: that is not a new search.
  const [debounced] = useDebouncedValue(picked.some((option) => option.label === search) ? '' : search.trim(), 250);
  const tags = useTags(debounced);
  const data: Option[] = (tags.data?.pages.flatMap((page) => page.items) ?? []).map((tag) => ({ value: tag.id, label: tag.name }));
  // Keep the chosen tags among the options even when the search no longer lists them.
  for (const option of picked) if (!data.some((item) => item.value === option.value)) data.push(option);
  const remember = (ids: string[]) => setPicked(data.filter((option) => ids.includes(option.value)));
  const common = {
    label: props.label,
    description: props.description,
    data,
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    nothingFoundMessage: t('common:status.nothingFound'),
    comboboxProps: { withinPortal: true },
  };
  if (props.multiple) {
    const { onChange } = props;
    return (
      <MultiSelect
        {...common}
        value={props.value}
        clearable
        onChange={(ids) => {
          remember(ids);
          onChange(ids);
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select
      {...common}
      value={props.value}
      onChange={(id) => {
        remember(id ? [id] : []);
        onChange(id);
      }}
    />
  );
}
