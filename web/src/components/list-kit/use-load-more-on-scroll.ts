import { useEffect } from 'react';

type Options = {
  lastVisibleIndex: number;
  loadedCount: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** Fetches the next page when the user scrolls near the end of what is loaded. */
export function useLoadMoreOnScroll({ lastVisibleIndex, loadedCount, hasNextPage, isFetchingNextPage, fetchNextPage }: Options) {
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisibleIndex >= loadedCount - 20) void fetchNextPage();
  }, [lastVisibleIndex, loadedCount, hasNextPage, isFetchingNextPage, fetchNextPage]);
}
