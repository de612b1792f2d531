import { importListFields, type ImportListField, type ImportRules, type ImportTarget } from '@contract/imports';
import { labelsSchema } from '@contract/lists';
import type { Db } from '@server/db/database';
import { normalizeText } from '@server/lib/normalize';
import type { Actor } from '@server/policies';
import { createListItem } from '@server/modules/lists/lists.service';
import { parseRow, type ImportLookups, type RowResult } from './import-values';

type Parsed = { values: Partial<Record<ImportTarget, string>>; result: RowResult };
export type UnknownValue = { field: ImportListField; value: string };

const isListField = (field: string): field is ImportListField => Object.hasOwn(importListFields, field);

/** The values of a row that no list item names, by key or label (the row's unknown_list_item errors). */
export function unknownValuesOf({ values, result }: Parsed): UnknownValue[] {
  if (result.ok) return [];
  return result.errors.flatMap((error) => {
    const value = isListField(error.field) && error.code === 'unknown_list_item' ? values[error.field] : undefined;
    return isListField(error.field) && value ? [{ field: error.field, value }] : [];
  });
}

/** Each value once per field, ignoring case and accents as the lookups do. */
export function distinctValues(found: UnknownValue[]): UnknownValue[] {
  const first = new Map<string, UnknownValue>(); // the file's first spelling
  for (const item of found) if (!first.has(`${item.field} ${normalizeText(item.value)}`)) first.set(`${item.field} ${normalizeText(item.value)}`, item);
  return [...first.values()];
}

/** The row's errors without those a value to be created would clear. */
export const withoutUnknownValues = <E extends { field: string; code: string }>(errors: E[]): E[] =>
  errors.filter((error) => !(isListField(error.field) && error.code === 'unknown_list_item'));

/**
 * With the rule on, the stages, industries and sources a batch names that no list has are added
 * to their lists (as an admin adds an item: same check, same history), labelled as the file
 * spells them in both languages, and the rows that named them are read again. Items stay when the
 * import is undone: they are vocabulary, like tags. A value no label can hold keeps its row error.
 */
export async function createUnknownListValues(db: Db, actor: Actor, rules: ImportRules, lookups: ImportLookups, rows: Parsed[]): Promise<void> {
  if (!rules.createListValues) return;
  const pending = rows.filter((row) => unknownValuesOf(row).length > 0);
  if (pending.length === 0) return;
  for (const { field, value } of distinctValues(pending.flatMap(unknownValuesOf))) {
    const labels = { es: value, en: value };
    if (!labelsSchema.safeParse(labels).success || lookups[field].has(normalizeText(value))) continue;
    const item = await createListItem(db, actor, importListFields[field], { labels });
    lookups[field].set(normalizeText(value), item.key);
  }
  for (const row of pending) row.result = parseRow(row.values, rules, lookups);
}
