import { Paper } from '@mantine/core';
import { RecordsTable, type RecordsTableProps } from './records-table.component';
import { RowsState, type RowsStateProps } from './rows-state.component';

type Props<T> = Omit<RecordsTableProps<T>, 'items'> &
  Omit<RowsStateProps, 'count' | 'children'> & {
    /** The rows loaded so far (undefined while the first load is pending). */
    items: T[] | undefined;
    /** Framed in a bordered paper (admin pages); an account's tab draws it bare. */
    framed?: boolean;
  };

/**
 * Every admin table the same way: the error, the loader, the empty state, then the rows with their
 * actions (cards at phone width), and "load more" when the list is paged.
 */
export function AdminTable<T>({ items, error, pending, empty, header, more, framed = false, ...table }: Props<T>) {
  const rows = items ?? [];
  const records = <RecordsTable items={rows} {...table} />;
  return (
    <RowsState error={error} pending={pending} count={rows.length} empty={empty} header={header} more={more}>
      {framed ? <Paper withBorder>{records}</Paper> : records}
    </RowsState>
  );
}
