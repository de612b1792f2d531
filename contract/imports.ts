import { z } from 'zod';
import { accountKindSchema, listValueSchema, userRefSchema } from './accounts';
import { idSchema, listQueryBase, listResponse } from './common';
import { tagRefSchema } from './tags';

/**
 * What a file column can fill in. Person files: firstName/lastName (or fullName) and their company.
 * A kind column makes a file hold both kinds (as Cartera's own exports do); tags and owners are
 * lists separated by semicolons, owners by name or e-mail.
 */
export const importTargets = [
  'kind', 'firstName', 'lastName', 'fullName', 'name', 'company', 'companyTaxId', 'position',
  'email', 'phone', 'taxId', 'website', 'street', 'postalCode', 'city', 'region', 'country',
  'industry', 'source', 'stage', 'notes', 'tags', 'owners',
] as const;
export const importTargetSchema = z.enum(importTargets);
export type ImportTarget = z.infer<typeof importTargetSchema>;

/** What an import brings in: accounts (people, organizations) or invoices from the accounting system. */
export const importEntities = ['accounts', 'invoices'] as const;
export const importEntitySchema = z.enum(importEntities);
export type ImportEntity = z.infer<typeof importEntitySchema>;

/**
 * What a column of an invoices file can fill in (issue 22): the number is the key (a second
 * import updates the invoice, never duplicates it), the tax id finds the company. Amounts in major
 * units of the currency ("1.234,56"); of net, tax and total any two give the third.
 */
export const invoiceImportTargets = ['number', 'taxId', 'issueDate', 'dueDate', 'currency', 'net', 'tax', 'total', 'paid', 'status', 'language', 'notes'] as const;
export type InvoiceImportTarget = (typeof invoiceImportTargets)[number];

/** Every field a column can fill in, of either entity; which ones apply is the import's entity's say. */
export const importFieldSchema = z.enum([...importTargets, 'number', 'issueDate', 'dueDate', 'currency', 'net', 'tax', 'total', 'paid', 'status', 'language']);
export type ImportField = z.infer<typeof importFieldSchema>;

/** One entry per file column, in order: the field it fills, or null to ignore it. */
export const importMappingSchema = z.array(importFieldSchema.nullable()).max(200);
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const duplicateRules = ['skip', 'update', 'create'] as const;
export const duplicateRuleSchema = z.enum(duplicateRules);
export type DuplicateRule = z.infer<typeof duplicateRuleSchema>;

/** Rules applied to every row. */
export const importRulesSchema = z.object({
  kind: accountKindSchema,
  /** A row matching an account by e-mail, tax id or phone is skipped, updated, or created anyway. */
  duplicates: duplicateRuleSchema.default('skip'),
  ownerIds: z.array(idSchema).max(20).default([]),
  /** Overrides the file's stage column when set. */
  stage: listValueSchema.nullable().default(null),
  /** Added to every account the import creates or updates; tags an account already has stay. */
  tagIds: z.array(idSchema).max(20).default([]),
  /** A stage, industry or source no list item names is added to its list (admins) instead of failing the row. */
  createListValues: z.boolean().default(false),
});
export type ImportRules = z.infer<typeof importRulesSchema>;

/** The list-valued fields of an import, and the list each reads. */
export const importListFields = { stage: 'account_stage', industry: 'industry', source: 'source' } as const;
export type ImportListField = keyof typeof importListFields;
export const importListFieldSchema = z.enum(['stage', 'industry', 'source']);
export type ImportRulesInput = z.input<typeof importRulesSchema>;

export const importStatuses = ['draft', 'queued', 'running', 'done', 'failed', 'undoing', 'undone'] as const;
export const importStatusSchema = z.enum(importStatuses);
export type ImportStatus = z.infer<typeof importStatusSchema>;

export const importSchema = z.object({
  id: idSchema,
  entity: importEntitySchema,
  status: importStatusSchema,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  mapping: z.array(z.string().nullable()),
  /** An accounts import's rules; an invoices import has none of its own and keeps their defaults. */
  rules: z.object({
    kind: accountKindSchema, duplicates: duplicateRuleSchema, ownerIds: z.array(z.string()), stage: z.string().nullable(), tagIds: z.array(z.string()),
    createListValues: z.boolean(),
  }),
  /** The rule's tags by name, for the summary (a tag deleted since is left out). */
  tags: z.array(tagRefSchema),
  rowsTotal: z.number().int().nullable(),
  rowsDone: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  error: z.string().nullable(),
  jobId: idSchema.nullable(),
  createdBy: userRefSchema.nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  abilities: z.object({ run: z.boolean(), undo: z.boolean(), resume: z.boolean() }),
});
export type Import = z.infer<typeof importSchema>;

export const importListSchema = listResponse(importSchema);
export const importListQuerySchema = z.object({ ...listQueryBase });

export const importUploadQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  entity: importEntitySchema.default('accounts'),
  kind: accountKindSchema.default('person'),
});

export const importPreviewBodySchema = z.object({
  mapping: importMappingSchema,
  /** The import's stored rules when omitted (an invoices import has none to send). */
  rules: importRulesSchema.optional(),
});
export type ImportPreviewBody = z.input<typeof importPreviewBodySchema>;

export const importRowErrorSchema = z.object({
  field: z.string(),
  /** The file column the field came from, as headed in the file. */
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importPreviewSchema = z.object({
  rows: z.array(z.object({
    rowNumber: z.number().int(),
    values: z.record(z.string(), z.string()),
    errors: z.array(importRowErrorSchema),
  })),
  /** Values of the previewed rows that no list item names: what createListValues would add. */
  unknownValues: z.array(z.object({ field: importListFieldSchema, value: z.string() })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** An organization the import created for its people's company column, in file order. */
export const importCompanySchema = z.object({ id: idSchema, name: z.string(), rowNumber: z.number().int() });
export type ImportCompany = z.infer<typeof importCompanySchema>;
export const importCompanyListSchema = listResponse(importCompanySchema);
export const importCompanyQuerySchema = z.object({ ...listQueryBase });

export const importRunBodySchema = importPreviewBodySchema;

export const jobSchema = z.object({
  id: idSchema,
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  progressDone: z.number().int(),
  progressTotal: z.number().int().nullable(),
  error: z.string().nullable(),
  result: z.unknown(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;
