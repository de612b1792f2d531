import type { ListResponse } from '@contract/common';
import { Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatTotal } from './format';
import { RowsState } from './list-kit/rows-state.component';

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
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const first = query.data?.pages[0];
  return (
    <RowsState
      error={query.error}
      pending={query.isPending}
      count={items.length}
      empty={empty}
      header={first && total && <Text size="sm" c="dimmed">{total(first.total, formatTotal(first.total, first.totalIsEstimate))}</Text>}
      more={query}
    >
      {items.length > 0 && children(items)}
    </RowsState>
  );
}
