import { overviewCounterKeys } from '@contract/accounts';
import { Button, Center, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBuildingPlus, IconFilterOff, IconUserPlus } from '@tabler/icons-react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type LoaderFunctionArgs } from 'react-router';
import { withTexts } from '@web/app/i18n';
import { queryClient } from '@web/app/query-client';
import { EmptyState } from '@web/components/empty-state.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatTotal } from '@web/components/format';
import { useCurrentUser } from '@web/features/auth/session';
import { useBulkSelection } from '@web/features/bulk/use-bulk-selection';
import { WelcomePanel } from '@web/features/welcome/welcome-panel.component';
import { AccountFilters, ColumnPicker, CounterColumnsMenu, ExportMenu, SavedViewsMenu } from './accounts-list-tools.component';
import { AccountsCards } from './accounts-cards.component';
import { AccountsTable } from './accounts-table.component';
import { listFilters, useAccountListParams, type AccountListFilters } from './use-account-list-params';
import { accountsListQuery, useAccountsList } from './use-accounts-list';

// Shown once rows are ticked: fetched then, not with the list.
const BulkBar = lazy(async () => ({ default: (await withTexts(['bulk', 'mail'], () => import('@web/features/bulk/bulk-bar.component'))).BulkBar }));

/**
 * The route's loader: asks for the first page as soon as the route is known, side by side with
 * the session check and the shell's first render, so the rows can show on the page's first paint.
 */
export function prefetchAccountsList({ request }: LoaderFunctionArgs): null {
  void queryClient.prefetchInfiniteQuery(accountsListQuery(listFilters(new URL(request.url).searchParams)));
  return null;
}

/** The filters and sort as a saved view keeps them: only what is set. */
function currentQuery(filters: AccountListFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}

export function AccountsListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const params = useAccountListParams();
  const list = useAccountsList(params.filters);
  const compact = useMediaQuery('(max-width: 48em)') ?? false;
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const firstPage = list.data?.pages[0];
  const loadedIds = useMemo(() => items.map((item) => item.id), [items]);
  const bulk = useBulkSelection(params.filters, loadedIds, firstPage?.total ?? 0);
  // Nothing yet and nothing filtered: the welcome's first steps replace the list (and its add buttons).
  const welcoming = !list.isPending && !list.error && items.length === 0 && params.activeFilterCount === 0 && !params.filters.q;
  const counters = overviewCounterKeys.filter((key) => params.filters.counters?.split(',').includes(key));

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('accounts:list.title')}</Title>
          {firstPage && (
            <Text c="dimmed" size="sm" data-testid="accounts-total">
              {t('accounts:list.total', { count: firstPage.total, total: formatTotal(firstPage.total, firstPage.totalIsEstimate) })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <ExportMenu filters={params.filters} compact={compact} />
          <CounterColumnsMenu value={counters} onChange={(next) => params.setParams({ counters: next.join(',') })} compact={compact} />
        {me.abilities.createAccounts && !welcoming && (
          <Group gap="xs">
            <Button component={Link} to="/accounts/new?kind=organization" leftSection={<IconBuildingPlus size={16} />} size={compact ? 'xs' : 'sm'}>
              {t('accounts:action.newOrganization')}
            </Button>
            <Button
              component={Link}
              to="/accounts/new?kind=person"
              variant="light"
              leftSection={<IconUserPlus size={16} />}
              size={compact ? 'xs' : 'sm'}
            >
              {t('accounts:action.newPerson')}
            </Button>
          </Group>
        )}
        </Group>
      </Group>
      <Group justify="space-between" gap="xs">
        <SavedViewsMenu
          activeId={params.viewId}
          current={{ query: currentQuery(params.filters), columns: params.columns }}
          onPick={(view) => (view ? params.replaceAll(view.query, view.columns, view.id) : params.setParams({ view: null }))}
        />
        {!compact && <ColumnPicker value={params.columns} onChange={(columns) => params.setParams({ cols: columns.join(',') })} />}
      </Group>
      <AccountFilters {...params} compact={compact} />
      {bulk.selection && (
        <Suspense fallback={null}>
          <BulkBar
            count={bulk.count}
            total={firstPage?.total ?? 0}
            totalIsEstimate={firstPage?.totalIsEstimate ?? false}
            allMatching={bulk.allMatching}
            ids={bulk.ids}
            selection={bulk.selection}
            filters={params.filters}
            onSelectAllMatching={bulk.selectAllMatching}
            onClear={bulk.clear}
          />
        </Suspense>
      )}
      {compact && items.length > 0 && (
        <Checkbox
          label={t('bulk:select.loaded')}
          checked={bulk.rows.loaded === 'all'}
          indeterminate={bulk.rows.loaded === 'some'}
          onChange={bulk.rows.toggleLoaded}
        />
      )}
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        welcoming ? (
          <WelcomePanel />
        ) : (
          <EmptyState
            icon={<IconFilterOff size={24} />}
            title={t('accounts:list.noResults')}
            message={t('accounts:list.noResultsHint')}
            action={
              <Button variant="light" onClick={() => params.replaceAll({ sort: params.filters.sort }, params.columns, null)}>
                {t('accounts:list.clearFilters')}
              </Button>
            }
          />
        )
      ) : compact ? (
        <AccountsCards items={items} counters={counters} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} selection={bulk.rows} />
      ) : (
        <AccountsTable
          items={items}
          counters={counters}
          visible={params.columns}
          sort={params.filters.sort}
          onSort={(sort) => params.setParams({ sort })}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          selection={bulk.rows}
        />
      )}
    </Stack>
  );
}
