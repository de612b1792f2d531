import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';

export type RowsStateProps = {
  error: unknown;
  pending: boolean;
  /** How many rows are loaded: none shows `empty` instead of the rows. */
  count: number;
  /** A sentence, or an EmptyState with its own action. */
  empty: ReactNode;
  /** Above the rows: the total line. */
  header?: ReactNode;
  /** A paged list's "load more". */
  more?: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  children: ReactNode;
};

/** The states every short list goes through: the error, the loader, the empty state, then its rows and "load more". */
export function RowsState({ error, pending, count, empty, header, more, children }: RowsStateProps) {
  const { t } = useTranslation();
  let body: ReactNode = children;
  if (pending) {
    body = (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  } else if (count === 0) {
    body = error ? null : typeof empty === 'string' ? <Text c="dimmed">{empty}</Text> : empty;
  }
  return (
    <Stack gap="sm">
      <ErrorAlert error={error} />
      {header}
      {body}
      {more?.hasNextPage && (
        <Button variant="default" onClick={() => void more.fetchNextPage()} loading={more.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
