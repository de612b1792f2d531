import { z } from 'zod';
import { idSchema, languageSchema } from './common';

/**
 * What an agreement template may name, as `{{scope.field}}` (with an optional fallback text:
 * `{{customer.taxId|—}}`): the customer organization, our company (as the quote settings name it),
 * and the agreement itself. Shared by the server (which merges and refuses what it cannot fill) and
 * the admin page (which lists the fields to insert).
 */
export const agreementMergeFields = {
  customer: ['name', 'taxId', 'address'],
  company: ['name', 'taxId', 'address'],
  agreement: ['title', 'reference', 'type', 'startDate', 'endDate', 'value', 'date'],
} as const;

export const agreementMergeFieldKeys: readonly string[] = Object.entries(agreementMergeFields).flatMap(([scope, fields]) => fields.map((field) => `${scope}.${field}`));

const placeholder = /\{\{([^{}]*)\}\}/g;
const fieldPattern = /^\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*(?:\|([^|]*))?$/;

/** Placeholders a template names that are not fields of an agreement (and stray braces): a template holding any is refused. */
export function unknownAgreementFields(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(placeholder)) {
    const parsed = fieldPattern.exec(match[1] ?? '');
    if (!parsed || !agreementMergeFieldKeys.includes(`${parsed[1]}.${parsed[2]}`)) unknown.add(match[0]);
  }
  const stray = text.replace(placeholder, '');
  if (stray.includes('{{')) unknown.add('{{');
  if (stray.includes('}}')) unknown.add('}}');
  return [...unknown];
}

const body = z.string().trim().min(1).max(50_000).superRefine((value, ctx) => {
  if (unknownAgreementFields(value).length > 0) ctx.addIssue({ code: 'custom', message: 'unknown_merge_fields', params: { code: 'unknown_merge_fields' } });
});

export const agreementTemplateSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** The language of its text: an agreement generated from it speaks this language. */
  language: languageSchema,
  body: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AgreementTemplate = z.infer<typeof agreementTemplateSchema>;

export const agreementTemplateListSchema = z.object({ items: z.array(agreementTemplateSchema) });
export const agreementTemplateListQuerySchema = z.object({
  includeInactive: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

export const agreementTemplateCreateSchema = z.object({
  name: z.string().trim().min(1).max(120),
  language: languageSchema,
  body,
  active: z.boolean().optional(),
});
export type AgreementTemplateCreate = z.input<typeof agreementTemplateCreateSchema>;

export const agreementTemplateUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(120).optional(),
  language: languageSchema.optional(),
  body: body.optional(),
  active: z.boolean().optional(),
});
export type AgreementTemplateUpdate = z.input<typeof agreementTemplateUpdateSchema>;
