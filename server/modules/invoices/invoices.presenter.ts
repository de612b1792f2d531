import type { Invoice, InvoiceCard, InvoiceLine, InvoiceStatus } from '@contract/invoices';
import type { InvoiceRow } from '@server/db/database';
import type { InvoiceLinesTable } from '@server/db/invoice-tables';
import type { CardRow } from './invoices.repo';

/** The status as read on `today`: issued or partly paid past the due date is overdue. */
export const statusOn = (row: Pick<InvoiceRow, 'status' | 'due_date'>, today: string): InvoiceStatus =>
  (row.status === 'issued' || row.status === 'partly_paid') && row.due_date < today ? 'overdue' : row.status;

export const presentCard = (row: CardRow, today: string): InvoiceCard => ({
  id: row.id,
  number: row.number,
  organization: { id: row.organization_id, name: row.organization_name },
  quoteId: row.quote_id,
  status: statusOn(row, today),
  issueDate: row.issue_date,
  dueDate: row.due_date,
  currency: row.currency,
  net: Number(row.net_total),
  tax: Number(row.tax_total),
  total: Number(row.total),
  paid: Number(row.paid_amount),
  delivery: row.delivery,
  deliveryEmail: row.delivery_email,
  delivered: row.delivered_via && row.delivered_at ? { via: row.delivered_via, at: row.delivered_at, to: row.delivered_to } : null,
  openedAt: row.first_opened_at,
  language: row.language,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

/** A line as the API and the public page show it: no ids. */
export const presentLine = (line: InvoiceLinesTable): InvoiceLine => ({
  kind: line.kind, description: line.description, quantityMilli: Number(line.quantity_milli), unitPrice: Number(line.unit_price),
  taxBp: line.tax_bp, net: Number(line.net), tax: Number(line.tax),
});

export const presentInvoice = (card: InvoiceCard, row: CardRow, lines: InvoiceLinesTable[]): Invoice => ({ ...card, notes: row.notes, lines: lines.map(presentLine) });
