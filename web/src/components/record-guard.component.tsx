import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { isApiError } from '@web/app/api-client';
import { NotFoundPage } from '@web/app/not-found.page';
import { ErrorAlert } from './error-alert.component';

type Props<T> = {
  /** The record's query (TanStack Query's result, or anything with its three fields). */
  query: { isPending: boolean; error: unknown; data: T | undefined };
  /** A record the user may read but not use here (editing without the right to): shown as not found. */
  refuse?: (record: T) => boolean;
  children: (record: T) => ReactNode;
};

/**
 * Every record page's first states: a loader, "not found" (a record outside the user's scope does
 * not exist for them: the API answers 404), or the error; then the page with its record.
 */
export function RecordGuard<T>({ query, refuse, children }: Props<T>) {
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  if (query.data === undefined) return <ErrorAlert error={query.error} />;
  if (refuse?.(query.data)) return <NotFoundPage />;
  return children(query.data);
}
