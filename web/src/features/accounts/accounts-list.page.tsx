import { accountListQuerySchema } from '@contract/accounts';
import { Button, Checkbox } from '@mantine/core';
import { IconBuildingPlus, IconFilterOff, IconUserPlus } from '@tabler/icons-react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompact } from '@web/components/list-kit/use-compact';
import { Link, type LoaderFunctionArgs } from 'react-router';
import { withTexts } from '@web/app/i18n';
import { queryClient } from '@web/app/query-client';
import { EmptyState } from '@web/components/empty-state.component';
import { activeFilterCount } from '@web/components/list-kit/filter-fields';
import { ListFrame, useLoadedRows } from '@web/components/list-kit/list-frame.component';
import { ViewTools } from '@web/components/list-kit/list-tools.component';
import { listQueryOf, useListUrl } from '@web/components/list-kit/use-list-url';
import { useRowSelection } from '@web/components/list-kit/use-row-selection';
import { useCurrentUser } from '@web/features/auth/session';
import { accountFilterKeys, accountListUrl, accountsListText, shownCounters } from './account-list-url';
import { AccountFilters, CounterColumnsMenu, ExportMenu } from './accounts-list-tools.component';
import { AccountsCards } from './accounts-cards.component';
import { AccountsTable } from './accounts-table.component';
import { accountsListQuery, useAccountsList } from './use-accounts-list';

// Shown once rows are ticked: fetched then, not with the list.
const BulkBar = lazy(async () => ({ default: (await withTexts(['bulk', 'campaigns', 'mail', 'projects'], () => import('@web/features/bulk/bulk-bar.component'))).BulkBar }));
// Shown once, on an empty installation: not fetched before every list's rows.
const WelcomePanel = lazy(async () => ({ default: (await withTexts([], () => import('@web/features/welcome/welcome-panel.component'))).WelcomePanel }));

/**
 * The route's loader: asks for the first page as soon as the route is known, side by side with
 * the session check and the shell's first render, so the rows can show on the page's first paint.
 */
export function prefetchAccountsList({ request }: LoaderFunctionArgs): null {
  void queryClient.prefetchInfiniteQuery(accountsListQuery(accountsListText(listQueryOf(accountListQuerySchema, new URL(request.url).searchParams).text)));
  return null;
}

export function AccountsListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const url = useListUrl(accountListUrl);
  const list = useAccountsList(accountsListText(url.text));
  const compact = useCompact();
  const items = useLoadedRows(list.data);
  const firstPage = list.data?.pages[0];
  const loadedIds = useMemo(() => items.map((item) => item.id), [items]);
  // "Everything matching" is the list's query without paging and counters.
  const filter = useMemo(() => {
    const { limit: _limit, cursor: _cursor, counters: _counters, ...rest } = url.query;
    return rest;
  }, [url.query]);
  const bulk = useRowSelection(filter, loadedIds, firstPage?.total ?? 0);
  const filtered = activeFilterCount(accountFilterKeys, url.text) > 0 || Boolean(url.text.q);
  // Nothing yet and nothing filtered: the welcome's first steps replace the list (and its add buttons).
  const welcoming = !list.isPending && !list.error && items.length === 0 && !filtered;
  const counters = shownCounters(url.text);
  const selection = { rows: bulk.rows, loadedLabel: t('bulk:select.loaded'), rowLabel: (item: { name: string }) => t('bulk:select.row', { name: item.name }) };

  return (
    <ListFrame
      title={t('accounts:list.title')}
      total={{ first: firstPage, testId: 'accounts-total', text: (count, total) => t('accounts:list.total', { count, total }) }}
      actions={
        <>
          <ExportMenu filters={url.text} compact={compact} />
          <CounterColumnsMenu value={counters} onChange={(next) => url.set({ counters: next.join(',') })} compact={compact} />
          {me.abilities.createAccounts && !welcoming && (
            <>
              <Button component={Link} to="/accounts/new?kind=organization" leftSection={<IconBuildingPlus size={16} />} size={compact ? 'xs' : 'sm'}>
                {t('accounts:action.newOrganization')}
              </Button>
              <Button component={Link} to="/accounts/new?kind=person" variant="light" leftSection={<IconUserPlus size={16} />} size={compact ? 'xs' : 'sm'}>
                {t('accounts:action.newPerson')}
              </Button>
            </>
          )}
        </>
      }
      filters={
        <AccountFilters
          values={url.text}
          onChange={url.set}
          compact={compact}
          tools={<ViewTools list="accounts" url={url} columns={accountListUrl.columns.all} label={(column) => t(`accounts:column.${column}`)} compact={compact} />}
        />
      }
      above={
        <>
          {bulk.selection && (
            <Suspense fallback={null}>
              <BulkBar
                count={bulk.count}
                total={firstPage?.total ?? 0}
                totalIsEstimate={firstPage?.totalIsEstimate ?? false}
                allMatching={bulk.allMatching}
                ids={bulk.ids}
                selection={bulk.selection}
                filters={url.text}
                onSelectAllMatching={bulk.selectAllMatching}
                onClear={bulk.clear}
              />
            </Suspense>
          )}
          {compact && items.length > 0 && (
            <Checkbox label={t('bulk:select.loaded')} checked={bulk.rows.loaded === 'all'} indeterminate={bulk.rows.loaded === 'some'} onChange={bulk.rows.toggleLoaded} />
          )}
        </>
      }
      error={list.error}
      pending={list.isPending}
      empty={
        items.length > 0 ? null : welcoming ? (
          <Suspense fallback={null}>
            <WelcomePanel />
          </Suspense>
        ) : (
          <EmptyState
            icon={<IconFilterOff size={24} />}
            title={t('accounts:list.noResults')}
            message={t('accounts:list.noResultsHint')}
            action={
              <Button variant="light" onClick={() => url.replace({ sort: url.text.sort }, url.columns, null)}>
                {t('accounts:list.clearFilters')}
              </Button>
            }
          />
        )
      }
    >
      {compact ? (
        <AccountsCards items={items} counters={counters} selection={selection} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} />
      ) : (
        <AccountsTable
          items={items}
          counters={counters}
          visible={url.columns}
          sort={url.query.sort}
          onSort={(sort) => url.set({ sort })}
          selection={selection}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
        />
      )}
    </ListFrame>
  );
}
