import { Button } from '@mantine/core';
import { IconFileImport, IconFileOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompact } from '@web/components/list-kit/use-compact';
import { Link } from 'react-router';
import { withTexts } from '@web/app/i18n';
import { ListEmpty } from '@web/components/list-kit/list-empty.component';
import { deferredFilters } from '@web/components/list-kit/list-filters.component';
import { ListFrame, useLoadedRows } from '@web/components/list-kit/list-frame.component';
import { ViewTools } from '@web/components/list-kit/list-tools.component';
import { useListUrl } from '@web/components/list-kit/use-list-url';
import { ExportMenu } from '@web/features/exports/deferred-export-menu.component';
import { InvoiceFormModal } from './invoice-form-modal.component';
import { invoiceFilterKeys, invoiceListUrl } from './invoice-list-url';
import { InvoicesCards, InvoicesTable } from './invoices-table.component';
import { useInvoices } from './use-invoices';

// The filters load after the rows have shown; a placeholder of the same shape holds their place.
const InvoiceFilters = deferredFilters(async () => (await withTexts(['invoices', 'views'], () => import('./invoice-filters.component'))).InvoiceFilters, { search: true, primary: 2, keys: invoiceFilterKeys });

/** Every invoice I may see, filtered and sorted from the URL, with saved views, columns, export and import from the accounting system. */
export function InvoicesListPage() {
  const { t } = useTranslation();
  const url = useListUrl(invoiceListUrl);
  const list = useInvoices(url.text);
  const compact = useCompact();
  const items = useLoadedRows(list.data);
  const [creating, setCreating] = useState(false);
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };

  return (
    <ListFrame
      title={t('invoices:list.title')}
      total={{ first: list.data?.pages[0], testId: 'invoices-total', text: (count, total) => t('invoices:list.total', { count, total }) }}
      actions={
        <>
          <ExportMenu path="/exports/invoices" filters={url.text} compact={compact} testId="invoices-export" help={t('invoices:list.exportHelp')} />
          <Button component={Link} to="/imports/new?entity=invoices" variant="default" leftSection={<IconFileImport size={16} />} size={compact ? 'xs' : 'sm'} data-testid="invoices-import">
            {t('invoices:action.import')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} size={compact ? 'xs' : 'sm'} onClick={() => setCreating(true)}>{t('invoices:action.new')}</Button>
        </>
      }
      filters={
        <InvoiceFilters
          values={url.text}
          onChange={url.set}
          compact={compact}
          tools={<ViewTools list="invoices" url={url} columns={invoiceListUrl.columns.all} label={(column) => t(`invoices:column.${column}`)} compact={compact} />}
        />
      }
      error={list.error}
      pending={list.isPending}
      empty={items.length > 0 ? null : <ListEmpty ns="invoices" icon={<IconFileOff size={24} />} keys={invoiceFilterKeys} text={url.text} clearFilters={url.clearFilters} />}
    >
      {compact ? (
        <InvoicesCards items={items} {...paging} />
      ) : (
        <InvoicesTable items={items} visible={url.columns} sort={url.query.sort} onSort={(sort) => url.set({ sort })} {...paging} />
      )}
      {creating && <InvoiceFormModal onClose={() => setCreating(false)} />}
    </ListFrame>
  );
}
