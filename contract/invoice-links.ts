import { z } from 'zod';
import { languageSchema } from './common';
import { invoiceLineSchema } from './invoices';

/**
 * The public page of an invoice delivered by e-mail with a tracking link (seed 003): reached
 * without a session by the link, which carries a token of that sending only. It shows that invoice
 * and nothing else of the CRM: no ids, no owner, no quote. Opening it is what the invoice page
 * shows as "opened".
 */
export const publicInvoiceSchema = z.object({
  language: languageSchema,
  number: z.string(),
  /** As the customer reads it: issued, partly paid, paid, overdue or cancelled. */
  status: z.enum(['issued', 'partly_paid', 'paid', 'overdue', 'cancelled']),
  issueDate: z.string(),
  dueDate: z.string(),
  company: z.object({ name: z.string().nullable(), taxId: z.string().nullable(), address: z.string().nullable() }),
  customer: z.object({ name: z.string(), taxId: z.string().nullable() }),
  currency: z.string(),
  lines: z.array(invoiceLineSchema),
  net: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
  paid: z.number().int(),
  notes: z.string().nullable(),
});
export type PublicInvoice = z.infer<typeof publicInvoiceSchema>;
