import type { ListResponse } from '@contract/common';
import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.component';
import { formatTotal } from './format';

type Props<T> = {
  query: UseInfiniteQueryResult<InfiniteData<ListResponse<T>>>;
  /** Shown when the list is empty. */
  empty: string;
  /** The total line ("12 requests"), from the count and its formatted form. */
  total?: (count: number, formatted: string) => string;
  children: (items: T[]) => ReactNode;
};

/** A keyset-paged list: error, total, loader, empty text, the rows, and "load more". */
export function PagedList<T>({ query, empty, total, children }: Props<T>) {
  const { t } = useTranslation();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const first = query.data?.pages[0];
  return (
    <Stack gap="sm">
      <ErrorAlert error={query.error} />
      {first && total && (
        <Text size="sm" c="dimmed">
          {total(first.total, formatTotal(first.total, first.totalIsEstimate))}
        </Text>
      )}
      {query.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        children(items)
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
