import type { ListResponse } from '@contract/common';
import { Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { InfiniteData } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatTotal } from '@web/components/format';

type Props = {
  title: string;
  /** The total line ("1,234 accounts") from the count and its formatted form ("≈ 310,000"). */
  total?: { text: (count: number, formatted: string) => string; testId?: string; first: ListResponse<unknown> | undefined };
  /** The page's buttons beside the title (new, export). */
  actions?: ReactNode;
  /** The filter bar. */
  filters?: ReactNode;
  /** Between the filters and the rows: the selection bar. */
  above?: ReactNode;
  error: unknown;
  pending: boolean;
  /** What shows instead of the rows when there are none (an empty state); null while there are rows. */
  empty: ReactNode;
  children: ReactNode;
};

/**
 * A list page's frame: the title with its total and buttons, the filter bar, then the rows or
 * the loader, the error or the empty state. The rows get the rest of the window.
 */
export function ListFrame({ title, total, actions, filters, above, error, pending, empty, children }: Props) {
  const first = total?.first;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Group gap="sm" align="baseline">
          <Title order={2}>{title}</Title>
          {first && total && (
            <Text c="dimmed" size="sm" data-testid={total.testId}>
              {total.text(first.total, formatTotal(first.total, first.totalIsEstimate))}
            </Text>
          )}
        </Group>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {filters}
      {above}
      <ErrorAlert error={error} />
      {pending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        (empty ?? children)
      )}
    </Stack>
  );
}

/** The rows of every page an infinite list query has loaded, in order. */
export function useLoadedRows<T>(data: InfiniteData<ListResponse<T>> | undefined): T[] {
  return useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
}
