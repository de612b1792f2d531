import type { Readable } from 'node:stream';
import type { Language } from '@contract/common';
import type { ExportFormat, SpreadsheetOptions } from '@contract/exports';
import type { InvoiceFilters, InvoiceListQuery, InvoiceStatus } from '@contract/invoices';
import { majorText } from '@contract/money';
import type { Db } from '@server/db/database';
import { keysetPage } from '@server/lib/list';
import { csvFile, defaultSeparator, xlsxFile, type SheetCell } from '@server/lib/spreadsheet-writer';
import { authorize, type Actor } from '@server/policies';
import { presentCard } from './invoices.presenter';
import { filteredInvoices, findCards } from './invoices.repo';
import { listSorts } from './invoices.service';
import { today } from '@server/lib/time';

const columns = ['number', 'organization', 'taxId', 'status', 'issueDate', 'dueDate', 'currency', 'net', 'tax', 'total', 'paid', 'createdAt', 'id'] as const;
type Column = (typeof columns)[number];

const headings: Record<Language, Record<Column, string>> = {
  es: {
    number: 'Número', organization: 'Empresa', taxId: 'NIF/RUC', status: 'Estado', issueDate: 'Emisión', dueDate: 'Vencimiento', currency: 'Moneda',
    net: 'Base imponible', tax: 'Impuestos', total: 'Total', paid: 'Cobrado', createdAt: 'Creada', id: 'ID',
  },
  en: {
    number: 'Number', organization: 'Company', taxId: 'Tax ID', status: 'Status', issueDate: 'Issued', dueDate: 'Due', currency: 'Currency',
    net: 'Net', tax: 'Tax', total: 'Total', paid: 'Paid', createdAt: 'Created', id: 'ID',
  },
};
const widths: Record<Column, number> = { number: 18, organization: 30, taxId: 16, status: 16, issueDate: 12, dueDate: 12, currency: 9, net: 14, tax: 14, total: 14, paid: 14, createdAt: 17, id: 38 };
const statuses: Record<Language, Record<InvoiceStatus, string>> = {
  es: { draft: 'Borrador', issued: 'Emitida', partly_paid: 'Cobrada en parte', paid: 'Cobrada', overdue: 'Vencida', cancelled: 'Anulada' },
  en: { draft: 'Draft', issued: 'Issued', partly_paid: 'Partly paid', paid: 'Paid', overdue: 'Overdue', cancelled: 'Cancelled' },
};

type Selection = { filters: Partial<InvoiceFilters>; sort: InvoiceListQuery['sort'] };

/** The invoices an export walks, a keyset page of ids at a time in the list's order, so memory stays flat. */
async function* exportRows(db: Db, actor: Actor, selection: Selection, language: Language): AsyncGenerator<SheetCell[]> {
  const day = today();
  const base = filteredInvoices(db, actor, selection.filters, day);
  const plan = listSorts.plan(selection.sort);
  const sortColumns = listSorts.columns().map((column) => `invoices.${column}` as const);
  let cursor: string | undefined;
  do {
    const page = await keysetPage(db, base, base.select(['invoices.id', ...sortColumns]), plan, { limit: 500, cursor }, (row) => listSorts.values(selection.sort, row), async () => 0);
    for (const row of await findCards(db, page.rows.map((one) => one.id))) {
      const card = presentCard(row, day);
      const money = (amount: number) => majorText(amount, card.currency);
      const cells: Record<Column, SheetCell> = {
        number: card.number, organization: card.organization.name, taxId: row.organization_tax_id ?? '', status: statuses[language][card.status], issueDate: card.issueDate, dueDate: card.dueDate,
        currency: card.currency, net: money(card.net), tax: money(card.tax), total: money(card.total), paid: money(card.paid), createdAt: new Date(card.createdAt), id: card.id,
      };
      yield columns.map((column) => cells[column]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The invoices list as a CSV or XLSX stream (with the company's tax id, so the file imports back by it): its filters and the actor's scope (the same SQL as the list). */
export function exportInvoices(db: Db, actor: Actor, selection: Selection, format: ExportFormat, language: Language, options: SpreadsheetOptions): Readable {
  authorize(actor, { domain: 'invoice', action: 'export' });
  const sheet = {
    name: language === 'es' ? 'Facturas' : 'Invoices',
    columns: columns.map((column) => ({ header: headings[language][column], width: widths[column] })),
    rows: exportRows(db, actor, selection, language),
  };
  const reader = { language, timeZone: options.timeZone ?? 'UTC' };
  return format === 'csv' ? csvFile(sheet, { ...reader, separator: options.separator ?? defaultSeparator(language) }) : xlsxFile(sheet, reader);
}
