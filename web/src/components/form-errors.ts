import type { z } from 'zod';
import { i18next } from '@web/app/i18n';
import { isApiError } from '@web/app/api-client';

type Issue = z.core.$ZodIssue;

function customCode(issue: Issue): string | null {
  if (issue.code !== 'custom') return null;
  const code: unknown = issue.params?.code;
  return typeof code === 'string' ? code : null;
}

/** One zod issue from a contract schema, said in the user's language. */
export function issueMessage(issue: Issue): string {
  const t = i18next.t;
  switch (issue.code) {
    case 'custom':
      return t(`validation:${customCode(issue) ?? 'invalid'}`);
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation:required') : t('validation:minLength', { count: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('validation:minItems', { count: Number(issue.minimum) });
      return t('validation:minValue', { value: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation:maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation:maxItems', { count: Number(issue.maximum) });
      return t('validation:maxValue', { value: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation:email') : t('validation:format');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('validation:required') : t('validation:invalid');
    case 'invalid_value':
      return t('validation:invalidValue');
    case 'invalid_union':
      return t('validation:format');
    default:
      return t('validation:invalid');
  }
}

export type FormErrorMap = Record<string, string>;

/** Field path as the server and Mantine form write it: `emails.0`, `addresses.visit.city`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The first message for each field (one reason at a time reads better than a list). */
export function zodFormErrors(error: z.ZodError): FormErrorMap {
  const errors: FormErrorMap = {};
  for (const issue of error.issues) {
    const path = issuePath(issue.path);
    errors[path] ??= issueMessage(issue);
  }
  return errors;
}

/** Validates a payload with the shared schema; field paths can be renamed back to the form's. */
export function validatePayload(schema: z.ZodType, payload: unknown, renamePath: (path: string) => string = (p) => p): FormErrorMap {
  const result = schema.safeParse(payload);
  if (result.success) return {};
  const errors: FormErrorMap = {};
  for (const [path, message] of Object.entries(zodFormErrors(result.error))) errors[renamePath(path)] ??= message;
  return errors;
}

/** The per-field errors of a server 400, already translated by the server. */
export function serverFormErrors(error: unknown, renamePath: (path: string) => string = (p) => p): FormErrorMap {
  const errors: FormErrorMap = {};
  if (!isApiError(error)) return errors;
  for (const fieldError of error.errors) errors[renamePath(fieldError.field)] ??= fieldError.message;
  return errors;
}
