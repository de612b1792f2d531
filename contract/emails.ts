import { z } from 'zod';
import { accountListQuerySchema, listValueSchema, userRefSchema } from './accounts';
import { idSchema, languageSchema, listQueryBase, listResponse, optionalText } from './common';

/** An e-mail address as Cartera stores it: trimmed and lower case. */
export const mailAddressSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** How the connection to the SMTP server is secured: TLS from the start, STARTTLS required, or none (a local relay). */
export const tlsModes = ['tls', 'starttls', 'none'] as const;
export const tlsModeSchema = z.enum(tlsModes);
export type TlsMode = z.infer<typeof tlsModeSchema>;

/** Where the SMTP settings come from: the environment (read-only here), the settings page, or nowhere yet. */
export const mailSourceSchema = z.enum(['environment', 'database', 'none']);

export const mailSettingsSchema = z.object({
  source: mailSourceSchema,
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  tlsMode: tlsModeSchema,
  username: z.string().nullable(),
  /** The password itself never leaves the server. */
  passwordSet: z.boolean(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  replyTo: z.string().nullable(),
  ratePerMinute: z.number().int(),
  /** Whether CARTERA_SECRET_KEY is set: without it no password can be stored. */
  secretKeySet: z.boolean(),
  version: z.number().int(),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

export const mailSettingsUpdateSchema = z.object({
  version: z.number().int().min(0),
  host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/),
  port: z.number().int().min(1).max(65535),
  tlsMode: tlsModeSchema,
  username: optionalText(254),
  /** Absent: keep the stored password; null or '': remove it; a value: replace it. */
  password: z.string().max(500).nullable().optional(),
  fromAddress: mailAddressSchema,
  fromName: optionalText(120),
  replyTo: mailAddressSchema.nullable().optional().or(z.literal('').transform(() => null)),
  ratePerMinute: z.number().int().min(1).max(10_000),
});
export type MailSettingsUpdate = z.input<typeof mailSettingsUpdateSchema>;

/** Only the sending rate can be changed while the SMTP settings come from the environment. */
export const mailRateUpdateSchema = z.object({ version: z.number().int().min(0), ratePerMinute: z.number().int().min(1).max(10_000) });

/** What the SMTP server answered to "send me a test". */
export const mailTestResultSchema = z.object({
  ok: z.boolean(),
  to: z.string(),
  /** The server's reply line, or the connection error. */
  response: z.string(),
  code: z.number().int().nullable(),
});
export type MailTestResult = z.infer<typeof mailTestResultSchema>;

export const emailStatuses = ['queued', 'retrying', 'sending', 'sent', 'failed', 'uncertain', 'cancelled', 'suppressed'] as const;
export const emailStatusSchema = z.enum(emailStatuses);
export type EmailStatus = z.infer<typeof emailStatusSchema>;

const recipients = (max: number) => z.array(mailAddressSchema).max(max);

export const emailCreateSchema = z.object({
  /** The account whose timeline gets the message (an account, a lead or an organization). */
  accountId: idSchema,
  /** A contact person of that account the message is about (merge fields `contact.*`). */
  contactId: idSchema.nullable().optional(),
  /** The lead's request the message answers. */
  requestId: idSchema.nullable().optional(),
  /** An opportunity of that organization the message belongs to: it shows on the opportunity's timeline too. */
  opportunityId: idSchema.nullable().optional(),
  /** A campaign the account is a member of: the message counts in the member's campaign mail and merges `campaign.*`. */
  campaignId: idSchema.nullable().optional(),
  to: recipients(50).min(1),
  cc: recipients(50).optional(),
  bcc: recipients(50).optional(),
  subject: z.string().trim().min(1).max(300),
  html: z.string().max(200_000),
  /** Documents of the account to attach. */
  attachmentIds: z.array(idSchema).max(10).optional(),
  private: z.boolean().optional(),
  trackOpens: z.boolean().optional(),
});
export type EmailCreate = z.input<typeof emailCreateSchema>;

export const emailAttachmentSchema = z.object({ name: z.string(), contentType: z.string(), size: z.number().int() });

export const emailSchema = z.object({
  id: idSchema,
  activityId: idSchema.nullable(),
  accountId: idSchema.nullable(),
  contactId: idSchema.nullable(),
  bulkId: idSchema.nullable(),
  author: userRefSchema.nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  subject: z.string(),
  html: z.string(),
  attachments: z.array(emailAttachmentSchema),
  status: emailStatusSchema,
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  /** The SMTP server's last answer. */
  lastResponse: z.string().nullable(),
  trackOpens: z.boolean(),
  openedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Email = z.infer<typeof emailSchema>;

/** Renders subject and body against a real record: what the recipient would get, and what could not be filled. */
export const emailPreviewRequestSchema = z.object({
  accountId: idSchema,
  contactId: idSchema.nullable().optional(),
  campaignId: idSchema.nullable().optional(),
  subject: z.string().max(300),
  html: z.string().max(200_000),
});
export const emailPreviewSchema = z.object({ subject: z.string(), html: z.string(), unresolved: z.array(z.string()) });
export type EmailPreview = z.infer<typeof emailPreviewSchema>;

/** Addresses offered when composing from a record: its own and its contacts', with their standing. */
export const recipientStatusSchema = z.enum(['ok', 'unsubscribed', 'bounced']);
export type RecipientStatus = z.infer<typeof recipientStatusSchema>;
export const recipientOptionSchema = z.object({
  address: z.string(),
  name: z.string(),
  contactId: idSchema.nullable(),
  status: recipientStatusSchema,
});
export const recipientOptionsSchema = z.object({ items: z.array(recipientOptionSchema) });
export type RecipientOption = z.infer<typeof recipientOptionSchema>;

/** A template's text in one language. */
export const templateContentSchema = z.object({ subject: z.string().trim().min(1).max(300), html: z.string().min(1).max(200_000) });
export type TemplateContent = z.infer<typeof templateContentSchema>;

export const emailTemplateCreateSchema = z
  .object({ name: z.string().trim().min(1).max(120), es: templateContentSchema.nullable().optional(), en: templateContentSchema.nullable().optional() })
  .refine((value) => Boolean(value.es || value.en), { path: ['es'], params: { code: 'one_of' } });
export type EmailTemplateCreate = z.input<typeof emailTemplateCreateSchema>;

export const emailTemplateUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(120).optional(),
  es: templateContentSchema.nullable().optional(),
  en: templateContentSchema.nullable().optional(),
});
export type EmailTemplateUpdate = z.input<typeof emailTemplateUpdateSchema>;

export const emailTemplateSchema = z.object({
  id: idSchema,
  name: z.string(),
  es: z.object({ subject: z.string(), html: z.string() }).nullable(),
  en: z.object({ subject: z.string(), html: z.string() }).nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;
export const emailTemplateListSchema = listResponse(emailTemplateSchema);
export const emailTemplateListQuerySchema = z.object({ ...listQueryBase, q: z.string().trim().max(100).optional() });

/**
 * Who a bulk send goes to: ticked accounts, everything matching the list's filters, a tag's
 * accounts, or a campaign's members (those with one of `statuses` when given).
 */
export const emailBulkSelectionSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(10_000) }),
  z.object({ filter: accountListQuerySchema.omit({ limit: true, cursor: true, counters: true }) }),
  z.object({ tagId: idSchema }),
  z.object({ campaignId: idSchema, statuses: z.array(listValueSchema).min(1).max(50).optional() }),
]);
export type EmailBulkSelection = z.infer<typeof emailBulkSelectionSchema>;

/** A template (each recipient gets their language's version) or a message written for this send. */
export const emailBulkContentSchema = z.union([
  z.object({ templateId: idSchema }),
  z.object({ subject: z.string().trim().min(1).max(300), html: z.string().min(1).max(200_000), language: languageSchema.optional() }),
]);

export const emailBulkRequestSchema = z.object({
  selection: emailBulkSelectionSchema,
  /** Also each selected organization's contact persons. */
  includeContacts: z.boolean().default(false),
  content: emailBulkContentSchema,
  trackOpens: z.boolean().default(false),
});
export type EmailBulkRequest = z.input<typeof emailBulkRequestSchema>;

/** What a bulk send would do: who gets a message, and who is left out and why. */
export const emailBulkCountsSchema = z.object({
  recipients: z.number().int(),
  accounts: z.number().int(),
  noEmail: z.number().int(),
  unsubscribed: z.number().int(),
  bounced: z.number().int(),
  unresolved: z.number().int(),
  duplicates: z.number().int(),
});
export type EmailBulkCounts = z.infer<typeof emailBulkCountsSchema>;
export const emailBulkPreviewSchema = emailBulkCountsSchema.extend({
  /** The first recipient's message, rendered. */
  sample: z.object({ address: z.string(), subject: z.string(), html: z.string() }).nullable(),
  /** The fields that could not be filled for some recipients (they are left out). */
  unresolvedFields: z.array(z.string()),
});
export type EmailBulkPreview = z.infer<typeof emailBulkPreviewSchema>;

export const emailBulkStartedSchema = z.object({ jobId: idSchema, bulkId: idSchema });

export const emailBulkSchema = z.object({
  id: idSchema,
  jobId: idSchema.nullable(),
  status: z.enum(['enqueuing', 'enqueued', 'failed']),
  counts: emailBulkCountsSchema,
  /** Messages by delivery status, and how many were opened. */
  messages: z.record(z.string(), z.number().int()),
  opened: z.number().int(),
  createdAt: z.string(),
});
export type EmailBulk = z.infer<typeof emailBulkSchema>;

/** An account's addresses and whether bulk mail may reach them, with the history of each. */
export const suppressionEventSchema = z.object({
  action: z.enum(['unsubscribed', 'bounced', 'resubscribed']),
  at: z.string(),
  actor: userRefSchema.nullable(),
  note: z.string().nullable(),
});
export const addressStatusSchema = z.object({
  address: z.string(),
  status: recipientStatusSchema,
  since: z.string().nullable(),
  history: z.array(suppressionEventSchema),
});
export const accountEmailStatusSchema = z.object({ items: z.array(addressStatusSchema), canResubscribe: z.boolean() });
export type AccountEmailStatus = z.infer<typeof accountEmailStatusSchema>;
export const resubscribeSchema = z.object({ address: mailAddressSchema, note: optionalText(500) });

/** The outbox as an admin sees it: counts by status and the messages that need a decision. */
export const outboxQuerySchema = z.object({ ...listQueryBase, status: emailStatusSchema.optional() });
export const outboxItemSchema = z.object({
  id: idSchema,
  kind: z.enum(['single', 'bulk']),
  to: z.array(z.string()),
  subject: z.string(),
  status: emailStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastResponse: z.string().nullable(),
  createdAt: z.string(),
  accountId: idSchema.nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;
export const outboxListSchema = listResponse(outboxItemSchema);
export const outboxSummarySchema = z.object({ counts: z.record(z.string(), z.number().int()) });
