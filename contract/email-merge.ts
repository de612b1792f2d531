/**
 * Merge fields in templates: `{{account.name}}`, `{{contact.firstName}}`, optionally with a text
 * used when the record has no value: `{{contact.firstName|cliente}}`. Shared by the server (which
 * renders and refuses what it cannot fill) and the web (which lists the fields to insert).
 */
export const mergeFields = {
  account: ['name', 'firstName', 'lastName', 'email', 'phone', 'city', 'country', 'taxId', 'website'],
  contact: ['name', 'firstName', 'lastName', 'email', 'phone', 'position'],
  user: ['name', 'email'],
  campaign: ['name', 'product'],
} as const;

export type MergeScope = keyof typeof mergeFields;

/** Every field as it is written in a template, e.g. `account.name`. */
export const mergeFieldKeys: readonly string[] = Object.entries(mergeFields).flatMap(([scope, fields]) => fields.map((field) => `${scope}.${field}`));

/** Values by field key (`account.name`); a missing or empty value cannot be filled. */
export type MergeValues = Readonly<Record<string, string | null | undefined>>;

export type Rendered = { text: string; unresolved: string[] };

const placeholder = /\{\{([^{}]*)\}\}/g;
const field = /^\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*(?:\|([^|]*))?$/;

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => escapes[char] ?? char);

/** The field keys a text uses, in order of first use (for the preview and for loading only what is needed). */
export function fieldsUsed(text: string): string[] {
  const keys = new Set<string>();
  for (const match of text.matchAll(placeholder)) {
    const parsed = field.exec(match[1] ?? '');
    if (parsed) keys.add(`${parsed[1]}.${parsed[2]}`);
  }
  return [...keys];
}

/**
 * Fills every placeholder in one pass (a value that itself contains braces is data, not a field).
 * `html` escapes the values for an HTML body. A placeholder that names no known field, or whose
 * value is empty and has no fallback, is left in the text and listed in `unresolved`; so is a
 * stray `{{` or `}}`: nothing with unresolved fields may be sent. `known` are the fields the
 * text may name (the e-mail's by default; agreement templates have their own).
 */
export function renderMerge(text: string, values: MergeValues, html: boolean, known: readonly string[] = mergeFieldKeys): Rendered {
  const unresolved: string[] = [];
  const out = text.replace(placeholder, (whole, inner: string) => {
    const parsed = field.exec(inner);
    const key = parsed ? `${parsed[1]}.${parsed[2]}` : null;
    const value = key && known.includes(key) ? values[key]?.trim() : undefined;
    const fallback = parsed?.[3]?.trim();
    const chosen = value ? value : key && known.includes(key) && fallback ? fallback : null;
    if (chosen === null) {
      if (!unresolved.includes(whole)) unresolved.push(whole);
      return whole;
    }
    return html ? escapeHtml(chosen) : chosen;
  });
  // What is left outside placeholders: half-open braces would reach the reader as they are.
  const stray = text.replace(placeholder, '');
  if (stray.includes('{{') || stray.includes('}}')) unresolved.push(stray.includes('{{') ? '{{' : '}}');
  return { text: out, unresolved };
}
