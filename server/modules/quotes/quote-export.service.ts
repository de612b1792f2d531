import type { Readable } from 'node:stream';
import type { Language } from '@contract/common';
import type { ExportFormat, SpreadsheetOptions } from '@contract/exports';
import { majorText } from '@contract/money';
import type { QuoteCard, QuoteListQuery, QuoteStatus } from '@contract/quotes';
import type { Db } from '@server/db/database';
import { csvFile, defaultSeparator, xlsxFile, type SheetCell } from '@server/lib/spreadsheet-writer';
import { authorize, type Actor } from '@server/policies';
import { findQuotes } from './quotes.service';

const columns = ['number', 'revision', 'status', 'account', 'owner', 'issueDate', 'validUntil', 'currency', 'netTotal', 'taxTotal', 'total', 'createdAt', 'updatedAt', 'id'] as const;
type Column = (typeof columns)[number];

const headings: Record<Language, Record<Column, string>> = {
  es: {
    number: 'Número', revision: 'Revisión', status: 'Estado', account: 'Cliente', owner: 'Responsable', issueDate: 'Fecha', validUntil: 'Válida hasta',
    currency: 'Moneda', netTotal: 'Base imponible', taxTotal: 'Impuestos', total: 'Total', createdAt: 'Creada', updatedAt: 'Modificada', id: 'ID',
  },
  en: {
    number: 'Number', revision: 'Revision', status: 'Status', account: 'Customer', owner: 'Owner', issueDate: 'Date', validUntil: 'Valid until',
    currency: 'Currency', netTotal: 'Net', taxTotal: 'Tax', total: 'Total', createdAt: 'Created', updatedAt: 'Updated', id: 'ID',
  },
};
const widths: Record<Column, number> = {
  number: 18, revision: 9, status: 12, account: 32, owner: 22, issueDate: 12, validUntil: 12, currency: 9, netTotal: 14, taxTotal: 14, total: 14,
  createdAt: 17, updatedAt: 17, id: 38,
};
const statuses: Record<Language, Record<QuoteStatus, string>> = {
  es: { draft: 'Borrador', sent: 'Enviada', accepted: 'Aceptada', declined: 'Rechazada', expired: 'Vencida', superseded: 'Sustituida' },
  en: { draft: 'Draft', sent: 'Sent', accepted: 'Accepted', declined: 'Declined', expired: 'Expired', superseded: 'Superseded' },
};

function cellsOf(quote: QuoteCard, language: Language): SheetCell[] {
  const money = (amount: number) => majorText(amount, quote.currency);
  const cells: Record<Column, SheetCell> = {
    number: quote.number ?? '', revision: String(quote.revision), status: statuses[language][quote.status], account: quote.account.name, owner: quote.owner.name,
    issueDate: quote.issueDate, validUntil: quote.validUntil, currency: quote.currency, netTotal: money(quote.netTotal), taxTotal: money(quote.taxTotal),
    total: money(quote.total), createdAt: new Date(quote.createdAt), updatedAt: new Date(quote.updatedAt), id: quote.id,
  };
  return columns.map((column) => cells[column]);
}

/** The list's own pages, one after another: the same scope, filters and sort as the screen, so the file cannot disagree with it. */
async function* exportRows(db: Db, actor: Actor, query: Omit<QuoteListQuery, 'limit' | 'cursor'>, language: Language): AsyncGenerator<SheetCell[]> {
  let cursor: string | undefined;
  do {
    const page = await findQuotes(db, actor, { ...query, limit: 200, cursor });
    for (const quote of page.items) yield cellsOf(quote, language);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The quotes list as CSV or XLSX (amounts in major units beside their currency, never summed); cells neutralised by the writers. */
export function exportQuotes(db: Db, actor: Actor, query: Omit<QuoteListQuery, 'limit' | 'cursor'>, format: ExportFormat, language: Language, options: SpreadsheetOptions): Readable {
  authorize(actor, { domain: 'quote', action: 'export' });
  const sheet = { name: language === 'es' ? 'Cotizaciones' : 'Quotes', columns: columns.map((column) => ({ header: headings[language][column], width: widths[column] })), rows: exportRows(db, actor, query, language) };
  const reader = { language, timeZone: options.timeZone ?? 'UTC' };
  return format === 'csv' ? csvFile(sheet, { ...reader, separator: options.separator ?? defaultSeparator(language) }) : xlsxFile(sheet, reader);
}
