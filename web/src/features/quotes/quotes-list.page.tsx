import { Button } from '@mantine/core';
import { IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@web/components/empty-state.component';
import { ListCards } from '@web/components/list-kit/list-cards.component';
import { ListFrame, useLoadedRows } from '@web/components/list-kit/list-frame.component';
import { ListTable } from '@web/components/list-kit/list-table.component';
import { ViewTools } from '@web/components/list-kit/list-tools.component';
import { useListUrl } from '@web/components/list-kit/use-list-url';
import { useCompact } from '@web/components/list-kit/use-compact';
import { ExportMenu } from '@web/features/exports/deferred-export-menu.component';
import { NewQuoteModal } from './new-quote-modal.component';
import { QuoteCardContent, useQuoteColumns } from './quote-columns.component';
import { quoteListUrl } from './quote-list-url';
import { QuoteFiltersBar } from './quotes-list-tools.component';
import { useQuotes } from './use-quotes';

/** Every quote I may see: filters, sort and columns in the URL, saved views, export; cards at phone width. */
export function QuotesListPage() {
  const { t } = useTranslation();
  const url = useListUrl(quoteListUrl);
  const list = useQuotes(url.text);
  const compact = useCompact();
  const items = useLoadedRows(list.data);
  const columns = useQuoteColumns(url.columns);
  const [creating, setCreating] = useState(false);
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };
  return (
    <>
    <ListFrame
      title={t('quotes:list.title')}
      total={{ first: list.data?.pages[0], testId: 'quotes-total', text: (count, total) => t('quotes:list.total', { count, total }) }}
      actions={
        <>
          <ExportMenu path="/exports/quotes" filters={url.text} compact={compact} testId="quotes-export" help={t('quotes:list.exportHelp')} />
          <Button leftSection={<IconPlus size={16} />} size={compact ? 'xs' : 'sm'} onClick={() => setCreating(true)}>{t('quotes:action.new')}</Button>
        </>
      }
      filters={
        <QuoteFiltersBar
          values={url.text}
          onChange={url.set}
          compact={compact}
          tools={<ViewTools list="quotes" url={url} columns={quoteListUrl.columns.all} label={(column) => t(`quotes:column.${column}`)} compact={compact} />}
        />
      }
      error={list.error}
      pending={list.isPending}
      empty={items.length > 0 ? null : (
        <EmptyState icon={<IconFilterOff size={24} />} title={t('quotes:list.empty')} message={t('quotes:list.emptyHint')}
          action={<Button variant="light" onClick={url.clearFilters}>{t('quotes:list.clearFilters')}</Button>} />
      )}
    >
      {compact ? (
        <ListCards items={items} rowKey={(quote) => quote.id} cardHeight={96} testId="quotes-cards" card={(quote) => <QuoteCardContent quote={quote} />} {...paging} />
      ) : (
        <ListTable items={items} columns={columns} rowKey={(quote) => quote.id} label={t('quotes:list.title')} sort={url.query.sort} onSort={(sort) => url.set({ sort })} testId="quotes-table" {...paging} />
      )}
    </ListFrame>
    {creating && <NewQuoteModal onClose={() => setCreating(false)} />}
    </>
  );
}
