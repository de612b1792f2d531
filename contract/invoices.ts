import { z } from 'zod';
import { invoiceDeliverySchema } from './accounts';
import { idSchema, languageSchema, listQueryBase, listResponse, optionalText } from './common';
import { exportFormatSchema, spreadsheetOptionsShape } from './exports';
import { currencySchema, minorUnitsSchema, moneySchema } from './money';

/**
 * What was billed to an organization (issue 22): Cartera is not an accounting system, so an invoice
 * carries the accounting system's number and totals, made by hand or copied from an accepted quote.
 * Overdue is not stored: an issued or partly paid invoice past its due date reads as overdue.
 */
export const invoiceStatuses = ['draft', 'issued', 'partly_paid', 'paid', 'overdue', 'cancelled'] as const;
export const invoiceStatusSchema = z.enum(invoiceStatuses);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

const dateOnly = z.iso.date();
const number = z.string().trim().min(1).max(60);

/** A new invoice: by hand (net and tax given) or from an accepted quote (its lines, totals and currency copied). */
export const invoiceCreateSchema = z
  .object({
    number,
    /** The organization billed; the quote's account when made from a quote. */
    organizationId: idSchema.optional(),
    fromQuoteId: idSchema.optional(),
    /** Today when omitted. */
    issueDate: dateOnly.optional(),
    /** The issue date plus the organization's credit days when omitted. */
    dueDate: dateOnly.optional(),
    currency: currencySchema.optional(),
    net: minorUnitsSchema.optional(),
    tax: minorUnitsSchema.optional(),
    /** Issued unless `draft`. */
    status: z.enum(['draft', 'issued']).optional(),
    /** The customer's language (PDF, e-mail, public page): the quote's when made from one, else the author's. */
    language: languageSchema.optional(),
    notes: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    const missing = (path: string) => ctx.addIssue({ code: 'custom', path: [path], message: 'required', params: { code: 'required' } });
    if (value.fromQuoteId) return;
    if (!value.organizationId) missing('organizationId');
    if (!value.currency) missing('currency');
    if (value.net === undefined) missing('net');
    if (value.tax === undefined) missing('tax');
  });
export type InvoiceCreate = z.input<typeof invoiceCreateSchema>;

/**
 * A row of an invoices file once its cells are read (dates as ISO dates, amounts as minor units):
 * the same limits as an invoice made by hand, plus the customer's tax id that finds the company
 * and what was paid. The company's credit days give the due date when the file has none.
 */
export const invoiceImportRowSchema = z.object({
  number,
  taxId: z.string().trim().min(1).max(40),
  issueDate: dateOnly,
  dueDate: dateOnly.nullable(),
  currency: currencySchema,
  net: minorUnitsSchema,
  tax: minorUnitsSchema,
  paid: minorUnitsSchema,
  status: z.enum(['draft', 'issued', 'partly_paid', 'paid', 'cancelled']),
  /** Null when the file has no language: a new invoice takes the importer's, an existing one keeps its own. */
  language: languageSchema.nullable(),
  /** Null when the file has no notes: an existing invoice keeps its own. */
  notes: z.string().trim().max(2000).nullable(),
});
export type InvoiceImportRow = z.infer<typeof invoiceImportRowSchema>;

/** The fields sent change; issuing a draft or cancelling is a status change here too. */
export const invoiceUpdateSchema = z.object({
  version: z.number().int().min(1),
  number: number.optional(),
  dueDate: dateOnly.optional(),
  status: z.enum(['issued', 'cancelled']).optional(),
  language: languageSchema.optional(),
  notes: optionalText(2000),
});
export type InvoiceUpdate = z.input<typeof invoiceUpdateSchema>;

/**
 * Delivering an invoice (seed 003): by e-mail with a tracking link to its public page, by e-mail
 * with its PDF attached, or on paper (its PDF, to print). The method is the invoice's (as its
 * company's card said) unless given; the addresses its invoice e-mail's, else the company's.
 */
export const invoiceDeliverSchema = z.object({
  version: z.number().int().min(1),
  method: invoiceDeliverySchema.optional(),
  to: z.array(z.email().max(254)).min(1).max(10).optional(),
  subject: z.string().trim().min(1).max(300).optional(),
  message: optionalText(5000),
});
export type InvoiceDeliver = z.input<typeof invoiceDeliverSchema>;

/** A payment received: it adds to the paid amount and moves the status (partly paid, paid). */
export const invoicePaymentSchema = z.object({
  version: z.number().int().min(1),
  amount: minorUnitsSchema.min(1),
  paidOn: dateOnly.optional(),
});
export type InvoicePayment = z.input<typeof invoicePaymentSchema>;

export const invoiceCardSchema = z.object({
  id: idSchema,
  number: z.string(),
  organization: z.object({ id: idSchema, name: z.string() }),
  quoteId: idSchema.nullable(),
  status: invoiceStatusSchema,
  issueDate: z.string(),
  dueDate: z.string(),
  currency: z.string(),
  net: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
  paid: z.number().int(),
  /** As set on the organization's card when the invoice was made. */
  delivery: invoiceDeliverySchema.nullable(),
  deliveryEmail: z.string().nullable(),
  /** How, when and to whom it last went out; null until it has. */
  delivered: z.object({ via: invoiceDeliverySchema, at: z.string(), to: z.string().nullable() }).nullable(),
  /** The first time the customer opened its tracking link's page (seed 003); null until then. */
  openedAt: z.string().nullable(),
  language: languageSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type InvoiceCard = z.infer<typeof invoiceCardSchema>;

export const invoiceLineSchema = z.object({
  kind: z.enum(['item', 'section', 'note']),
  description: z.string(),
  /** Thousandths: 1500 is 1.5. */
  quantityMilli: z.number().int(),
  unitPrice: z.number().int(),
  taxBp: z.number().int(),
  net: z.number().int(),
  tax: z.number().int(),
});

export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const invoiceSchema = invoiceCardSchema.extend({
  notes: z.string().nullable(),
  lines: z.array(invoiceLineSchema),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const invoiceFiltersSchema = z.object({
  /** The number or the organization's name, anywhere in the text. */
  q: z.string().trim().min(1).max(100).optional(),
  status: invoiceStatusSchema.optional(),
  /** Issued, paid or not (no drafts, nothing cancelled): what the dashboard counts as invoiced. */
  billed: z.enum(['true']).optional(),
  organizationId: idSchema.optional(),
  /** Invoices of companies this user owns, or a member of this team owns (whose work, as on the dashboard). */
  ownerId: idSchema.optional(),
  teamId: idSchema.optional(),
  currency: currencySchema.optional(),
  /** Issued on or after / on or before (ISO dates). */
  issuedFrom: dateOnly.optional(),
  issuedTo: dateOnly.optional(),
});
export type InvoiceFilters = z.infer<typeof invoiceFiltersSchema>;

export const invoiceSorts = ['-issueDate', 'issueDate', '-dueDate', 'dueDate', '-createdAt', 'createdAt', 'number', '-number'] as const;
export const invoiceSortSchema = z.enum(invoiceSorts);

export const invoiceListQuerySchema = invoiceFiltersSchema.extend({ ...listQueryBase, sort: invoiceSortSchema.default('-issueDate') });
export type InvoiceListQuery = z.infer<typeof invoiceListQuerySchema>;
export type InvoiceListParams = Omit<z.input<typeof invoiceListQuerySchema>, 'limit'> & { limit?: number };
export const invoiceListSchema = listResponse(invoiceCardSchema);

export const invoiceExportQuerySchema = invoiceListQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: exportFormatSchema.default('csv'),
  ...spreadsheetOptionsShape,
});

/** Sums per currency (never across currencies). */
export const moneyByCurrencySchema = z.array(moneySchema);

/** An organization's overdue invoices the reader sees (the company card's warning): how many, what is owed per currency, since when. */
export const overdueSummaryQuerySchema = z.object({ organizationId: idSchema });
export const overdueSummarySchema = z.object({
  count: z.number().int(),
  outstanding: moneyByCurrencySchema,
  /** The oldest due date among them; null when none is overdue. */
  oldestDueDate: z.string().nullable(),
});
export type OverdueSummary = z.infer<typeof overdueSummarySchema>;

/** The bell's `invoice.overdue` notification: the invoice, and what it owed when it fell due. */
export const overdueNoticeParamsSchema = z.object({ invoiceId: idSchema, number: z.string(), dueDate: z.string(), currency: z.string(), outstanding: z.number().int() });
