import { z } from 'zod';
import { languageSchema } from './common';
import { moneySchema } from './money';

/**
 * The public page of a sent agreement: reached without a session by the link in its e-mail, which
 * carries a token of that sending only. It shows the agreement and nothing else of the CRM: no
 * ids, no owner, no project. The customer reads it (its text and its document) and signs it by
 * typing their name.
 */
export const publicAgreementSchema = z.object({
  /** Open to sign; signed (by the customer, or by both); or closed (expired or terminated). */
  state: z.enum(['open', 'signed', 'closed']),
  language: languageSchema,
  title: z.string(),
  reference: z.string().nullable(),
  /** The type's label in the agreement's language. */
  type: z.string().nullable(),
  company: z.object({ name: z.string().nullable(), taxId: z.string().nullable(), address: z.string().nullable() }),
  customer: z.object({ name: z.string(), taxId: z.string().nullable() }),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  value: moneySchema.nullable(),
  /** The text it was generated from, merged (none when the document was uploaded). */
  text: z.string().nullable(),
  document: z.object({ name: z.string(), contentType: z.string() }).nullable(),
  /** The customer's signature once given: the name typed (or recorded) and when. */
  signature: z.object({ name: z.string().nullable(), on: z.string(), at: z.string().nullable() }).nullable(),
});
export type PublicAgreement = z.infer<typeof publicAgreementSchema>;
