import { Button, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { RecordsTable, type RecordsTableProps } from './records-table.component';

type Props<T> = Omit<RecordsTableProps<T>, 'items'> & {
  /** The rows loaded so far (undefined while the first load is pending). */
  items: T[] | undefined;
  error: unknown;
  pending: boolean;
  /** What shows when there are no rows: a sentence, or an EmptyState with its own action. */
  empty: ReactNode;
  /** Above the rows: the total line. */
  header?: ReactNode;
  /** A paged list's "load more". */
  more?: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  /** Framed in a bordered paper (admin pages); an account's tab draws it bare. */
  framed?: boolean;
};

/**
 * Every admin table and record tab the same way: the error, the loader, the empty state, then the
 * rows with their actions (cards at phone width), and "load more" when the list is paged.
 */
export function AdminTable<T>({ items, error, pending, empty, header, more, framed = false, ...table }: Props<T>) {
  const { t } = useTranslation();
  const rows = items ?? [];
  let body: ReactNode;
  if (pending) {
    body = (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  } else if (rows.length === 0) {
    body = typeof empty === 'string' ? <Text c="dimmed" py="sm">{empty}</Text> : empty;
  } else {
    const records = <RecordsTable items={rows} {...table} />;
    body = framed ? <Paper withBorder>{records}</Paper> : records;
  }
  return (
    <Stack gap="sm">
      <ErrorAlert error={error} />
      {header}
      {!error || rows.length > 0 ? body : null}
      {more?.hasNextPage && (
        <Button variant="default" onClick={() => void more.fetchNextPage()} loading={more.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
