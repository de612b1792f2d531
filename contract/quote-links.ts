import { z } from 'zod';
import { languageSchema, optionalText } from './common';
import { publicLinkParamsSchema, typedNameSchema } from './public-links';
import { quoteLineSchema, taxBucketSchema } from './quotes';

/**
 * The public acceptance page of a sent quote (issue 21.6): reached without a session by the link
 * in the quote's e-mail, which carries a token of that revision only. It shows the quote and
 * nothing else of the CRM: no ids, no owner, no opportunity.
 */
export const quoteLinkParamsSchema = publicLinkParamsSchema;

const companySchema = z.object({ name: z.string().nullable(), taxId: z.string().nullable(), address: z.string().nullable() });

/** A line as the customer sees it: no ids of ours. */
export const publicQuoteLineSchema = quoteLineSchema.omit({ id: true, productId: true, tax: true });

const openQuoteSchema = z.object({
  state: z.enum(['open', 'accepted', 'declined']),
  language: languageSchema,
  number: z.string(),
  revision: z.number().int(),
  issueDate: z.string(),
  validUntil: z.string(),
  company: companySchema,
  customer: z.object({ name: z.string(), taxId: z.string().nullable() }),
  currency: z.string(),
  lines: z.array(publicQuoteLineSchema),
  taxes: z.array(taxBucketSchema),
  netTotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  paymentTerms: z.string().nullable(),
  notes: z.string().nullable(),
  terms: z.string().nullable(),
  /** The answer once given (accepted or declined): the name typed, when, and the reason of a decline. */
  decision: z.object({ at: z.string(), name: z.string().nullable(), reason: z.string().nullable() }).nullable(),
});

/** A quote past its valid-until date: the link says so, and shows no more of it. */
const expiredQuoteSchema = z.object({
  state: z.literal('expired'),
  language: languageSchema,
  number: z.string(),
  validUntil: z.string(),
  company: companySchema,
});

export const publicQuoteSchema = z.discriminatedUnion('state', [openQuoteSchema, expiredQuoteSchema]);
export type PublicQuote = z.infer<typeof publicQuoteSchema>;
export type OpenPublicQuote = z.infer<typeof openQuoteSchema>;

/** Accepting: the customer types their name, as a signature. */
export const quoteAcceptSchema = typedNameSchema;
export type QuoteAccept = z.input<typeof quoteAcceptSchema>;

/** Declining: a reason is asked for; the name is optional. */
export const quoteDeclineSchema = z.object({ reason: z.string().trim().min(1).max(2000), name: optionalText(200) });
export type QuoteDecline = z.input<typeof quoteDeclineSchema>;
