import { z } from 'zod';
import { userRefSchema } from './accounts';
import { idSchema, languageSchema, listQueryBase, listResponse, optionalText } from './common';
import { exportFormatSchema, spreadsheetOptionsShape } from './exports';
import { currencySchema, minorUnitsSchema } from './money';
import { percentSchema } from './products';

/**
 * Quotes (seed 001 "Cotizaciones"): numbered per year (`COT-2026-0001`) when first sent or marked
 * final, revised into `…-R2` drafts, totals computed on the server in integer minor units (the
 * rule is in server/modules/quotes/quote-totals.ts). `expired` is a sent quote past its
 * valid-until date: it reads as expired and can no longer be accepted.
 */
export const quoteStatuses = ['draft', 'sent', 'accepted', 'declined', 'expired', 'superseded'] as const;
export const quoteStatusSchema = z.enum(quoteStatuses);
export type QuoteStatus = z.infer<typeof quoteStatusSchema>;

const dateOnly = z.iso.date();

/** Thousandths of a number as an exact integer, or null when it has more than three decimals. */
export function thousandths(value: number): number | null {
  const scaled = Math.round(value * 1000);
  return Math.abs(value * 1000 - scaled) < 1e-6 ? scaled : null;
}

/** A quantity: positive, at most three decimals (1.5 hours, 0.125 kg). */
export const quantitySchema = z.number().positive().max(1_000_000_000).refine((value) => thousandths(value) !== null, { params: { code: 'too_many_decimals' } });

/** Units of the base currency one unit of the quote's currency is worth, as decimal text ("3.7512"). */
export const exchangeRateSchema = z.string().trim().regex(/^\d{1,9}(\.\d{1,8})?$/).refine((value) => Number(value) > 0, { params: { code: 'too_small' } });

export const quoteLineKinds = ['item', 'section', 'note'] as const;

/** A line as sent: an item (from the catalog or free text), or a section heading or note that groups items. */
export const quoteLineInputSchema = z.object({
  kind: z.enum(quoteLineKinds).default('item'),
  productId: idSchema.nullable().optional(),
  description: z.string().trim().min(1).max(2000),
  quantity: quantitySchema.optional(),
  unit: z.string().trim().max(60).nullable().optional(),
  /** Integer minor units of the quote's currency. */
  unitPrice: minorUnitsSchema.optional(),
  /** A percentage (12.5) or an amount in minor units off the line; not both. */
  discountPercent: percentSchema.nullable().optional(),
  discountAmount: minorUnitsSchema.nullable().optional(),
  /** Percent, from the tax-rate list (18, 21, 10, 4, 0). */
  taxRate: percentSchema.optional(),
});
export type QuoteLineInput = z.input<typeof quoteLineInputSchema>;

export const quoteLinesSchema = z.array(quoteLineInputSchema).max(500);

const editable = {
  opportunityId: idSchema.nullable().optional(),
  contactId: idSchema.nullable().optional(),
  ownerId: idSchema.optional(),
  language: languageSchema.optional(),
  currency: currencySchema.optional(),
  exchangeRate: exchangeRateSchema.nullable().optional(),
  issueDate: dateOnly.optional(),
  validUntil: dateOnly.optional(),
  paymentTerms: optionalText(500),
  notes: optionalText(4000),
  terms: optionalText(10_000),
};

export const quoteCreateSchema = z.object({ accountId: idSchema, ...editable, lines: quoteLinesSchema.optional() });
export type QuoteCreate = z.input<typeof quoteCreateSchema>;

/** The header fields sent change (a draft only); the account never does. */
export const quoteUpdateSchema = z.object({ version: z.number().int().min(1), ...editable });
export type QuoteUpdate = z.input<typeof quoteUpdateSchema>;

/** A draft's lines, all of them in their new order: reordering is sending them in another order. */
export const quoteLinesUpdateSchema = z.object({ version: z.number().int().min(1), lines: quoteLinesSchema });
export type QuoteLinesUpdate = z.input<typeof quoteLinesUpdateSchema>;

/** Totals of lines not saved yet, for an editor that shows them as the user types. */
export const quoteTotalsQuerySchema = z.object({ currency: currencySchema, lines: quoteLinesSchema });

export const taxBucketSchema = z.object({ rate: z.number(), base: z.number().int(), tax: z.number().int() });
export const quoteTotalsSchema = z.object({
  netTotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  taxes: z.array(taxBucketSchema),
  /** Per line in order: its net and tax (zero for sections and notes). */
  lines: z.array(z.object({ net: z.number().int(), tax: z.number().int() })),
});
export type QuoteTotals = z.infer<typeof quoteTotalsSchema>;

export const quoteLineSchema = z.object({
  id: idSchema,
  kind: z.enum(quoteLineKinds),
  productId: z.string().nullable(),
  description: z.string(),
  quantity: z.number(),
  unit: z.string().nullable(),
  unitPrice: z.number().int(),
  discountPercent: z.number().nullable(),
  discountAmount: z.number().int().nullable(),
  taxRate: z.number(),
  net: z.number().int(),
  tax: z.number().int(),
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;

const refSchema = z.object({ id: idSchema, name: z.string() });

/** A row of the quotes list and of an account's or opportunity's quotes. */
export const quoteCardSchema = z.object({
  id: idSchema,
  number: z.string().nullable(),
  revision: z.number().int(),
  status: quoteStatusSchema,
  account: refSchema,
  owner: userRefSchema,
  issueDate: z.string(),
  validUntil: z.string(),
  currency: z.string(),
  netTotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type QuoteCard = z.infer<typeof quoteCardSchema>;

/** A revision of the lineage and what it changed against the one before it. */
export const quoteRevisionSchema = z.object({
  id: idSchema,
  number: z.string().nullable(),
  revision: z.number().int(),
  status: quoteStatusSchema,
  total: z.number().int(),
  currency: z.string(),
  createdAt: z.string(),
  changes: z.object({
    fields: z.array(z.string()),
    linesAdded: z.number().int(),
    linesRemoved: z.number().int(),
    linesChanged: z.number().int(),
    totalBefore: z.number().int(),
  }).nullable(),
});
export type QuoteRevision = z.infer<typeof quoteRevisionSchema>;

export const quoteSchema = quoteCardSchema.extend({
  opportunity: refSchema.nullable(),
  contact: refSchema.nullable(),
  language: languageSchema,
  baseCurrency: z.string(),
  exchangeRate: z.string().nullable(),
  paymentTerms: z.string().nullable(),
  notes: z.string().nullable(),
  terms: z.string().nullable(),
  lines: z.array(quoteLineSchema),
  taxes: z.array(taxBucketSchema),
  sentAt: z.string().nullable(),
  decision: z.object({ at: z.string(), name: z.string().nullable(), ip: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  lineage: z.array(quoteRevisionSchema),
  /** What the actor may do now; the web hides buttons from this, never decides. */
  abilities: z.object({ edit: z.boolean(), send: z.boolean(), finalize: z.boolean(), revise: z.boolean(), decide: z.boolean() }),
});
export type Quote = z.infer<typeof quoteSchema>;

export const quoteFilterParams = {
  /** A number's beginning, or the account's name anywhere. */
  q: z.string().trim().min(1).max(100).optional(),
  status: quoteStatusSchema.optional(),
  ownerId: idSchema.optional(),
  accountId: idSchema.optional(),
  opportunityId: idSchema.optional(),
  /** Issued on or after / on or before (ISO dates). */
  issuedFrom: dateOnly.optional(),
  issuedTo: dateOnly.optional(),
  /** Totals from / to, in minor units of `currency` (an amount means nothing without its currency). */
  currency: currencySchema.optional(),
  totalMin: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  totalMax: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Decided (accepted or declined) at or after / before these instants: the dashboard's accepted chart links here. */
  decidedFrom: z.iso.datetime({ offset: true }).optional(),
  decidedTo: z.iso.datetime({ offset: true }).optional(),
  /** Those whose owner is in this team. */
  teamId: idSchema.optional(),
};
export const quoteSorts = ['-issueDate', 'issueDate', '-updatedAt', 'updatedAt', 'number', '-number'] as const;
export const quoteListQuerySchema = z.object({ ...listQueryBase, sort: z.enum(quoteSorts).default('-issueDate'), ...quoteFilterParams });
export type QuoteListQuery = z.infer<typeof quoteListQuerySchema>;
export type QuoteListParams = Omit<z.input<typeof quoteListQuerySchema>, 'limit'> & { limit?: number };
export const quoteListSchema = listResponse(quoteCardSchema);
export const quoteExportQuerySchema = quoteListQuerySchema.omit({ limit: true, cursor: true }).extend({ format: exportFormatSchema.default('csv'), ...spreadsheetOptionsShape });

/** Sending: to whom (the contact's or account's address when omitted), with a message of the user's. */
export const quoteSendSchema = z.object({
  version: z.number().int().min(1),
  to: z.array(z.email().max(254)).min(1).max(10).optional(),
  subject: z.string().trim().min(1).max(300).optional(),
  message: optionalText(5000),
});
export type QuoteSend = z.input<typeof quoteSendSchema>;

export const quoteVersionSchema = z.object({ version: z.number().int().min(1) });

/** Recording the customer's answer given another way (signed on paper, by phone). */
export const quoteDecisionSchema = z.object({
  version: z.number().int().min(1),
  outcome: z.enum(['accepted', 'declined']),
  name: z.string().trim().min(1).max(200),
  reason: optionalText(2000),
});
export type QuoteDecision = z.input<typeof quoteDecisionSchema>;

export const quoteSettingsSchema = z.object({
  numberPrefix: z.string(),
  validityDays: z.number().int(),
  baseCurrency: z.string(),
  companyName: z.string().nullable(),
  companyTaxId: z.string().nullable(),
  companyAddress: z.string().nullable(),
  hasLogo: z.boolean(),
  paymentTerms: z.string().nullable(),
  termsEs: z.string().nullable(),
  termsEn: z.string().nullable(),
  version: z.number().int(),
});
export type QuoteSettings = z.infer<typeof quoteSettingsSchema>;
export const quoteSettingsUpdateSchema = z.object({
  version: z.number().int().min(1),
  numberPrefix: z.string().trim().regex(/^[A-Za-z0-9]{1,10}$/).optional(),
  validityDays: z.number().int().min(1).max(365).optional(),
  baseCurrency: currencySchema.optional(),
  companyName: optionalText(200),
  companyTaxId: optionalText(40),
  companyAddress: optionalText(500),
  paymentTerms: optionalText(500),
  termsEs: optionalText(10_000),
  termsEn: optionalText(10_000),
});
export type QuoteSettingsUpdate = z.input<typeof quoteSettingsUpdateSchema>;
