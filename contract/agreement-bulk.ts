import { z } from 'zod';
import { listValueSchema } from './accounts';
import { agreementStatusSchema } from './agreements';
import { bulkSelectionSchema } from './bulk';
import { idSchema, listQueryBase, listResponse } from './common';
import { addAssigneeAsOwnerSchema } from './requests';

/**
 * "Send agreement from template" on the accounts list's selection (seed 003: "crear y enviar
 * acuerdos generales de cooperación"; issue 22 item 6): for each selected company the actor sees,
 * an agreement with this title, type and owner, its document generated from the template (which
 * gives it its language), sent to the company's first e-mail address. People in the selection are
 * left out; companies without an address are skipped and reported.
 */
export const agreementBulkRequestSchema = z.object({
  selection: bulkSelectionSchema,
  templateId: idSchema,
  title: z.string().trim().min(1).max(200),
  /** An item key of the `agreement_type` list. */
  type: listValueSchema.nullable().optional(),
  /** Who looks after each agreement; the actor when omitted. Must see each company, or be made its owner. */
  ownerId: idSchema.optional(),
  addAssigneeAsOwner: addAssigneeAsOwnerSchema,
});
export type AgreementBulkRequest = z.input<typeof agreementBulkRequestSchema>;

export const agreementBulkOutcomes = ['sent', 'no_email', 'failed'] as const;
export const agreementBulkOutcomeSchema = z.enum(agreementBulkOutcomes);
export type AgreementBulkOutcome = z.infer<typeof agreementBulkOutcomeSchema>;

/** What the finished job reports (its `result`): how many companies got their agreement, had no address, or failed. */
export const agreementBulkResultSchema = z.object({ sent: z.number().int(), noEmail: z.number().int(), failed: z.number().int() });
export type AgreementBulkResult = z.infer<typeof agreementBulkResultSchema>;

/** One company of the report: what became of it, why not when it was not sent (in the reader's language), and its agreement. */
export const agreementBulkRowSchema = z.object({
  organization: z.object({ id: idSchema, name: z.string() }),
  outcome: agreementBulkOutcomeSchema,
  reason: z.string().nullable(),
  agreement: z.object({ id: idSchema, title: z.string(), status: agreementStatusSchema }).nullable(),
  processedAt: z.string(),
});
export type AgreementBulkRow = z.infer<typeof agreementBulkRowSchema>;

export const agreementBulkRowsQuerySchema = z.object({ ...listQueryBase, outcome: agreementBulkOutcomeSchema.optional() });
export type AgreementBulkRowsQuery = z.input<typeof agreementBulkRowsQuerySchema>;
export const agreementBulkRowsSchema = listResponse(agreementBulkRowSchema);
export const jobIdParamsSchema = z.object({ jobId: idSchema });
