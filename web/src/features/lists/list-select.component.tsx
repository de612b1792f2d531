import type { ListKey } from '@contract/lists';
import { Select, type SelectProps } from '@mantine/core';
import { useListLookup } from './use-lists';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  listKey: ListKey;
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A Select over a configurable list's items. */
export function ListSelect({ listKey, value, onChange, ...props }: Props) {
  const lists = useListLookup();
  // Clicking the chosen option again keeps it; the clear button is how a choice is undone.
  return <Select clearable searchable allowDeselect={false} data={lists.options(listKey, value ?? null)} value={value} onChange={onChange} comboboxProps={{ withinPortal: true }} {...props} />;
}
