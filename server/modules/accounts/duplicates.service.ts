import { duplicateQuerySchema, type Duplicate, type DuplicateQuery } from '@contract/accounts';
import { normalizeTaxIdFor } from '@contract/tax-id';
import type { Db } from '@server/db/database';
import { normalizeEmail, phoneSearchForms } from '@server/lib/normalize';
import { authorize, type Actor } from '@server/policies';
import { accountsWithTaxId, accountsWithTerms, visibleSummaries } from './duplicates.repo';

const listOf = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item) => item !== '');

/**
 * Accounts the actor can see that share the new account's normalised tax id, an e-mail or a
 * phone (seed 003's warning before saving). Accounts outside the portfolio never match.
 */
export async function findDuplicates(db: Db, actor: Actor, input: DuplicateQuery): Promise<Duplicate[]> {
  authorize(actor, { domain: 'account', action: 'read' });
  const query = duplicateQuerySchema.parse(input);
  const country = query.country ?? null;
  const taxId = query.taxId ? normalizeTaxIdFor(query.taxId, country) : '';
  const emails = listOf(query.email).map(normalizeEmail).filter((email) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email));
  // Short digit runs would match unrelated numbers: a phone needs six digits to count.
  const phones = [...new Set(listOf(query.phone).flatMap((phone) => phoneSearchForms(phone, country)))].filter((form) => form.replace(/\D/g, '').length >= 6);

  const [byTaxId, byEmail, byPhone] = await Promise.all([
    taxId.length >= 3 ? accountsWithTaxId(db, actor, taxId, query.excludeId) : Promise.resolve([]),
    accountsWithTerms(db, actor, emails, query.excludeId),
    accountsWithTerms(db, actor, phones, query.excludeId),
  ]);
  const matched = new Map<string, Duplicate['matched']>();
  const add = (ids: string[], kind: Duplicate['matched'][number]) => {
    for (const id of ids) matched.set(id, [...(matched.get(id) ?? []), kind]);
  };
  add(byTaxId, 'taxId');
  add(byEmail, 'email');
  add(byPhone, 'phone');
  const rows = await visibleSummaries(db, actor, [...matched.keys()]);
  return rows.map((row) => ({ id: row.id, kind: row.kind, name: row.name, stage: row.stage, matched: matched.get(row.id) ?? [] }));
}
