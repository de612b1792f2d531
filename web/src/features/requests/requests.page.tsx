import { requestColumns } from '@contract/saved-views';
import { Button, VisuallyHidden } from '@mantine/core';
import { IconFilterOff, IconInbox, IconUserPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withTexts } from '@web/app/i18n';
import { EmptyState } from '@web/components/empty-state.component';
import { activeFilterCount } from '@web/components/list-kit/filter-fields';
import { ListCards } from '@web/components/list-kit/list-cards.component';
import { deferredFilters } from '@web/components/list-kit/list-filters.component';
import { ListFrame, useLoadedRows } from '@web/components/list-kit/list-frame.component';
import { ListTable } from '@web/components/list-kit/list-table.component';
import { useCompact } from '@web/components/list-kit/use-compact';
import { useListUrl } from '@web/components/list-kit/use-list-url';
import { ViewTools } from '@web/components/list-kit/list-tools.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { RequestCard, requestRowStyle, useRequestColumns } from './request-columns';
import { requestFilterKeys, requestListUrl } from './request-list-url';
import { useRequestEditing } from './requests-table.component';
import { requestListQuery } from './use-requests';

const RequestFilters = deferredFilters(
  async () => (await withTexts(['company', 'requests', 'views'], () => import('./request-filters.component'))).RequestFilters,
  { search: false, primary: 3, keys: requestFilterKeys },
);

/** Seed 002's CRM › Solicitudes: every request of my leads, filtered, "only the latest" per lead, saved views; cards at phone width. */
export function RequestsPage() {
  const { t } = useTranslation();
  const url = useListUrl(requestListUrl);
  const list = useInfiniteQuery(requestListQuery(url.text));
  const compact = useCompact();
  const items = useLoadedRows(list.data);
  const lists = useListLookup();
  const editing = useRequestEditing();
  const columns = useRequestColumns(url.columns);
  const filtered = activeFilterCount(requestFilterKeys, url.text) > 0;
  // Nothing yet and nothing filtered: the empty state's button replaces the header's.
  const none = !list.isPending && !list.error && items.length === 0 && !filtered;
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };
  const newLead = (
    <Button component={Link} to="/leads/new" leftSection={<IconUserPlus size={16} />} size={compact ? 'xs' : 'sm'}>
      {t('requests:action.newLead')}
    </Button>
  );

  return (
    <>
      <ListFrame
        title={t('requests:list.title')}
        total={{ first: list.data?.pages[0], testId: 'requests-total', text: (count, total) => t('requests:list.total', { count, total }) }}
        actions={none ? null : newLead}
        filters={
          <RequestFilters
            values={url.text}
            onChange={url.set}
            compact={compact}
            tools={<ViewTools list="requests" url={url} columns={requestColumns} label={(column) => t(`requests:field.${column}`)} compact={compact} />}
          />
        }
        error={list.error}
        pending={list.isPending}
        empty={
          items.length > 0 ? null : filtered ? (
            <EmptyState
              icon={<IconFilterOff size={24} />}
              title={t('requests:list.empty')}
              action={<Button variant="light" onClick={() => url.replace({ sort: url.text.sort }, url.columns, null)}>{t('views:filters.clear')}</Button>}
            />
          ) : (
            <EmptyState icon={<IconInbox size={24} />} title={t('requests:list.none')} message={t('requests:list.noneHint')} action={newLead} />
          )
        }
      >
        {compact ? (
          <ListCards items={items} rowKey={(item) => item.id} cardHeight={100} testId="requests-cards" card={(request) => <RequestCard request={request} actions={editing.button(request)} />} {...paging} />
        ) : (
          <ListTable
            items={items}
            columns={[...columns, { key: 'actions', header: <VisuallyHidden>{t('requests:list.actions')}</VisuallyHidden>, width: 48, cell: editing.button }]}
            rowKey={(item) => item.id}
            label={t('requests:list.title')}
            sort={url.query.sort}
            onSort={(sort) => url.set({ sort })}
            rowStyle={requestRowStyle(lists)}
            testId="requests-table"
            {...paging}
          />
        )}
      </ListFrame>
      {editing.modal}
    </>
  );
}
