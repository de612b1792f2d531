import { z } from 'zod';
import { listValueSchema, timelineEntrySchema, userRefSchema } from './accounts';
import { idSchema, languageSchema, listQueryBase, listResponse, optionalText } from './common';
import { exportFormatSchema, maxSelectionExport, spreadsheetOptionsShape } from './exports';
import { currencySchema, minorUnitsSchema, moneySchema } from './money';
import { addAssigneeAsOwnerSchema } from './requests';

/**
 * An agreement with an organization (seed 003: "crear y enviar acuerdos generales de cooperación",
 * and the company list's "acuerdos sin firmar"), optionally inside one of its projects. It goes from
 * draft to sent (by e-mail, with a public page where the customer signs by typing their name), to
 * signed by the customer, to signed by both; or it expires or is terminated. Each signature is dated.
 */
export const agreementStatuses = ['draft', 'sent', 'signed_by_customer', 'signed_by_both', 'expired', 'terminated'] as const;
export const agreementStatusSchema = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

/** Sent and not signed by both: what the company list counts as unsigned. */
export const unsignedAgreementStatuses = ['sent', 'signed_by_customer'] as const satisfies readonly AgreementStatus[];

/**
 * The moves a user makes by hand (sending is its own action, with the e-mail). Back to draft takes
 * a sent agreement back (its link stops working) so it can be changed; the customer's signature is
 * recorded here when it came another way (on paper); ours makes it signed by both.
 */
export const agreementMoves: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['terminated'],
  sent: ['draft', 'signed_by_customer', 'expired', 'terminated'],
  signed_by_customer: ['signed_by_both', 'expired', 'terminated'],
  signed_by_both: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};

const dateOnly = z.iso.date();

/** A value: integer minor units of its currency, never a float. */
export const agreementValueSchema = z.object({ amount: minorUnitsSchema, currency: currencySchema });

const editable = {
  title: z.string().trim().min(1).max(200),
  /** An item key of the `agreement_type` list. */
  type: listValueSchema.nullable().optional(),
  reference: optionalText(60),
  /** What its e-mail, PDF and public page speak; the actor's language when omitted. */
  language: languageSchema.optional(),
  /** A project of the same organization. */
  projectId: idSchema.nullable().optional(),
  /** Who looks after it (and gets the renewal reminder); the actor when omitted. Must see the organization. */
  ownerId: idSchema.optional(),
  startOn: dateOnly.nullable().optional(),
  endOn: dateOnly.nullable().optional(),
  value: agreementValueSchema.nullable().optional(),
  /** The day a reminder (a task of the owner) falls due to think about renewing it. */
  renewalRemindOn: dateOnly.nullable().optional(),
  /** A document of the organization (uploaded through its documents). */
  documentId: idSchema.nullable().optional(),
};

function endAfterStart(value: { startOn?: string | null | undefined; endOn?: string | null | undefined }, ctx: z.RefinementCtx): void {
  if (value.startOn && value.endOn && value.endOn < value.startOn) {
    ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'end_before_start', params: { code: 'end_before_start' } });
  }
}

export const agreementCreateSchema = z.object({ organizationId: idSchema, ...editable, addAssigneeAsOwner: addAssigneeAsOwnerSchema }).superRefine(endAfterStart);
export type AgreementCreate = z.input<typeof agreementCreateSchema>;

/** The fields sent change; the organization never does. What was agreed (all but owner, project and reminder) changes only in draft. */
export const agreementUpdateSchema = z
  .object({ version: z.number().int().min(1), ...editable, title: editable.title.optional(), addAssigneeAsOwner: addAssigneeAsOwnerSchema })
  .superRefine(endAfterStart);
export type AgreementUpdate = z.input<typeof agreementUpdateSchema>;

/** A move of the status by hand (see agreementMoves), dated today unless `on` says otherwise. */
export const agreementStatusChangeSchema = z.object({
  version: z.number().int().min(1),
  status: z.enum(['draft', 'signed_by_customer', 'signed_by_both', 'expired', 'terminated']),
  /** The day it was signed, expired or terminated. */
  on: dateOnly.optional(),
  /** Who signed for the customer (recording a signature that came another way). */
  name: z.string().trim().min(1).max(200).optional(),
});
export type AgreementStatusChange = z.input<typeof agreementStatusChangeSchema>;

/** Making its document a PDF from a template (a draft only). */
export const agreementGenerateSchema = z.object({ version: z.number().int().min(1), templateId: idSchema });
export type AgreementGenerate = z.input<typeof agreementGenerateSchema>;

/** Sending it: to the addresses given, else its organization's first e-mail. */
export const agreementSendSchema = z.object({
  version: z.number().int().min(1),
  to: z.array(z.email().max(254)).min(1).max(10).optional(),
  subject: z.string().trim().min(1).max(300).optional(),
  message: optionalText(5000),
});
export type AgreementSend = z.input<typeof agreementSendSchema>;

const refSchema = z.object({ id: idSchema, name: z.string() });

/** A row of the list: what the list, the organization's and project's tabs and the export show. */
export const agreementCardSchema = z.object({
  id: idSchema,
  title: z.string(),
  reference: z.string().nullable(),
  type: z.string().nullable(),
  organization: refSchema,
  project: refSchema.nullable(),
  status: agreementStatusSchema,
  owner: userRefSchema,
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  value: moneySchema.nullable(),
  renewalRemindOn: z.string().nullable(),
  sentAt: z.string().nullable(),
  customerSignedOn: z.string().nullable(),
  companySignedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AgreementCard = z.infer<typeof agreementCardSchema>;

export const agreementSchema = agreementCardSchema.extend({
  language: languageSchema,
  document: z.object({ id: idSchema, name: z.string(), contentType: z.string(), size: z.number().int(), downloadUrl: z.string() }).nullable(),
  /** The template the document was generated from, if it was. */
  templateId: idSchema.nullable(),
  /** The customer's signature: the name typed (or recorded), when, and from where when it came through the public page. */
  customerSignature: z.object({ on: z.string(), name: z.string().nullable(), at: z.string().nullable(), ip: z.string().nullable() }).nullable(),
  /** Ours: the day and who recorded it. */
  companySignature: z.object({ on: z.string(), by: userRefSchema.nullable() }).nullable(),
  closedOn: z.string().nullable(),
  /** The task the renewal reminder date became. */
  reminderActivityId: idSchema.nullable(),
  createdBy: userRefSchema.nullable(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementFiltersSchema = z.object({
  /** The title, the reference or the organization's name, anywhere in the text. */
  q: z.string().trim().min(1).max(100).optional(),
  status: agreementStatusSchema.optional(),
  /** Sent and not signed by both (what the company list's counter counts). */
  unsigned: z.enum(['true']).optional(),
  type: listValueSchema.optional(),
  organizationId: idSchema.optional(),
  projectId: idSchema.optional(),
  ownerId: idSchema.optional(),
  /** Agreements whose owner is in this team. */
  teamId: idSchema.optional(),
  /** Ending on or after / on or before (ISO dates). */
  endFrom: dateOnly.optional(),
  endTo: dateOnly.optional(),
});
export type AgreementFilters = z.infer<typeof agreementFiltersSchema>;

export const agreementSorts = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt', 'title', '-title'] as const;
export const agreementSortSchema = z.enum(agreementSorts);

export const agreementListQuerySchema = agreementFiltersSchema.extend({ ...listQueryBase, sort: agreementSortSchema.default('-createdAt') });
export type AgreementListQuery = z.infer<typeof agreementListQuerySchema>;
export type AgreementListParams = Omit<z.input<typeof agreementListQuerySchema>, 'limit'> & { limit?: number };
export const agreementListSchema = listResponse(agreementCardSchema);

/** An export of the list: its filters and sort, as the list endpoint takes them. */
export const agreementExportQuerySchema = agreementListQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: exportFormatSchema.default('csv'),
  ...spreadsheetOptionsShape,
});

/** An export of ticked rows: their ids in the body. */
export const agreementSelectionExportSchema = z.object({
  format: exportFormatSchema.default('csv'),
  sort: agreementSortSchema.default('-createdAt'),
  ids: z.array(idSchema).min(1).max(maxSelectionExport),
  ...spreadsheetOptionsShape,
});

/** Its history: its own changes and its renewal reminders'. */
export const agreementHistoryQuerySchema = z.object({ ...listQueryBase });
export const agreementHistorySchema = listResponse(timelineEntrySchema);
