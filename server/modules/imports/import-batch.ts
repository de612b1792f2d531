import type { ImportRules, ImportTarget } from '@contract/imports';
import type { TagRef } from '@contract/tags';
import type { AccountRow, ContactRow, Db, ImportRowRow } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { newId } from '@server/lib/ids';
import { normalizeTaxIdFor } from '@contract/tax-id';
import { normalizeEmail, normalizeText, phoneSearchForms } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import type { Actor } from '@server/policies';
import { blankAccountFields, auditedAccountFields, columnsOf, displayName, fieldsOf, termsOf, type AccountFields } from '@server/modules/accounts/account-fields';
import {
  findAccountsByIds, findDuplicateCandidates, ownersOf, setTermsAndOwners, updateAccountRow,
} from '@server/modules/accounts/accounts.repo';
import { insertNewAccounts, type NewAccountInput } from '@server/modules/accounts/accounts.service';
import { findContactPair, insertContactsBulk } from '@server/modules/accounts/contacts.repo';
import { writeAudit, writeAudits } from '@server/modules/audit/audit.repo';
import { organizationsCreatedBy } from './imports.repo';
import { tagBatch, tagsByName, type TagTarget } from './import-tags';
import type { ParsedRow, RowResult } from './import-values';
import type { BatchCounts } from './import-run';

export type BatchRow = { rowNumber: number; values: Partial<Record<ImportTarget, string>>; result: RowResult };
/** Who runs the import and what it applies to every row (the rule's tags resolved to names once per job). */
export type BatchJob = { actor: Actor; importId: string; rules: ImportRules; tags: TagRef[] };

/** The fields an import can change; an undo restores exactly these and leaves every other field as it is. */
export type ImportedFields = Pick<AccountFields, 'name' | 'firstName' | 'lastName' | 'stage' | 'taxId' | 'industry' | 'source' | 'website' | 'emails' | 'phones' | 'addresses' | 'notes'>;
/**
 * What undo needs to put an updated account back: its fields and owners as they were, and the tags
 * this row added (only those come off; tags the account had before stay).
 */
export type BeforeImage = { kind: AccountRow['kind']; fields: ImportedFields; ownerIds: string[]; addedTagIds: string[] };

/** Duplicate keys of a row: e-mails, phones (E.164), tax id; the name only when it has none of those. */
function keysOf(row: ParsedRow): string[] {
  const country = columnsOf(row.kind, row.fields).country;
  const keys = [
    ...row.fields.emails.map((email) => `term:${normalizeEmail(email)}`),
    ...row.fields.phones.map((phone) => `term:${phoneSearchForms(phone, country)[0] ?? ''}`),
    ...(row.fields.taxId ? [`tax:${normalizeTaxIdFor(row.fields.taxId, country)}`] : []),
  ];
  return keys.length > 0 ? keys : [`name:${normalizeText(displayName(row.kind, row.fields))}`];
}

function splitKeys(keys: string[]): { terms: string[]; taxIds: string[]; names: string[] } {
  const pick = (prefix: string) => [...new Set(keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)))];
  return { terms: pick('term:'), taxIds: pick('tax:'), names: pick('name:') };
}

const union = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])];

/** The account after an import row: the file's non-empty values win, e-mails and phones are added. */
function mergedFields(old: AccountFields, incoming: AccountFields, values: BatchRow['values'], rules: ImportRules): AccountFields {
  const pickText = <K extends 'name' | 'firstName' | 'lastName' | 'taxId' | 'industry' | 'source' | 'website' | 'notes'>(key: K) =>
    incoming[key] ?? old[key];
  const visit = incoming.addresses.visit;
  // Fields an import does not carry (company card, parent…) stay as the account has them.
  return {
    ...old,
    name: pickText('name'),
    firstName: pickText('firstName'),
    lastName: pickText('lastName'),
    stage: rules.stage || values.stage ? incoming.stage : old.stage,
    taxId: pickText('taxId'),
    industry: pickText('industry'),
    source: pickText('source'),
    website: pickText('website'),
    notes: pickText('notes'),
    emails: union(old.emails, incoming.emails).slice(0, 10),
    phones: union(old.phones, incoming.phones).slice(0, 10),
    addresses: visit ? { ...old.addresses, visit: { ...old.addresses.visit, ...Object.fromEntries(Object.entries(visit).filter(([, v]) => v)) } } : old.addresses,
  };
}

/**
 * The owners a row's account gets: those its owners column names, else the import's. As when
 * creating one account, an agent stays an owner of what they import, or they would lose it.
 */
function ownersOfRow(actor: Actor, rules: ImportRules, row: ParsedRow): string[] {
  if (!row.ownerIds || row.ownerIds.length === 0) return rules.ownerIds;
  return actor.role === 'agent' && !row.ownerIds.includes(actor.id) ? [actor.id, ...row.ownerIds] : row.ownerIds;
}

/** Each row's tags: the import's own, then those its tags column names (created when new), once each. */
async function tagsOfRows(trx: Db, job: BatchJob, rows: BatchRow[]): Promise<Map<number, TagRef[]>> {
  const named = rows.flatMap((row) => (row.result.ok ? row.result.row.tags : []));
  const byName = named.length > 0 ? await tagsByName(trx, job.actor, named) : new Map<string, TagRef>();
  const result = new Map<number, TagRef[]>();
  rows.forEach((row, index) => {
    const own = row.result.ok ? row.result.row.tags.flatMap((name) => byName.get(normalizeText(name)) ?? []) : [];
    result.set(index, [...new Map([...job.tags, ...own].map((tag) => [tag.id, tag])).values()]);
  });
  return result;
}

type Link = { rowIndex: number; personId: string; personCreated: boolean; company: NonNullable<ParsedRow['company']> };

/**
 * Writes one batch of rows inside the caller's transaction: duplicates decided against the
 * actor's portfolio and against earlier rows of the batch, new accounts in multi-row inserts
 * (owners, search terms and history as the accounts service writes them), updates with their
 * before-image, the rule's tags on both, people linked to their companies. Returns the ledger
 * rows and the counts.
 */
export async function writeBatch(trx: Db, job: BatchJob, rows: BatchRow[]): Promise<{ ledger: ImportRowRow[]; counts: BatchCounts }> {
  const { actor, importId, rules } = job;
  const counts: BatchCounts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  const ledger: ImportRowRow[] = rows.map((row) => ({
    import_id: importId, row_number: row.rowNumber, action: 'skipped', account_id: null, organization_id: null, contact_id: null, invoice_id: null, before: null, errors: null,
  }));
  // Keys carry the row's kind: a person never matches an organization (a file may hold both).
  const rowKeys = rows.map(({ result }) => (result.ok ? keysOf(result.row).map((key) => `${result.row.kind}|${key}`) : []));
  const existing = new Map<string, string>();
  if (rules.duplicates !== 'create') {
    for (const kind of ['organization', 'person'] as const) {
      const keys = rowKeys.flat().filter((key) => key.startsWith(`${kind}|`)).map((key) => key.slice(kind.length + 1));
      if (keys.length === 0) continue;
      const found = await findDuplicateCandidates(trx, actor, kind, splitKeys(keys));
      for (const match of found) if (!existing.has(`${kind}|${match.key}`)) existing.set(`${kind}|${match.key}`, match.id);
    }
  }
  const rowTags = await tagsOfRows(trx, job, rows);
  const fills = await placeholdersToFill(trx, job, rows);
  const toCreate: Array<{ index: number; input: NewAccountInput }> = [];
  const toUpdate: Array<{ index: number; id: string }> = [];
  const claimed = new Map<string, number>(); // key → row index that creates it in this batch
  rows.forEach((row, index) => {
    const entry = ledger[index];
    if (!entry) return;
    if (!row.result.ok) {
      entry.action = 'failed';
      entry.errors = JSON.stringify(row.result.errors);
      counts.failed += 1;
      return;
    }
    const keys = rowKeys[index] ?? [];
    const placeholder = fills.get(index);
    if (placeholder) {
      toUpdate.push({ index, id: placeholder });
      return;
    }
    const match = rules.duplicates === 'create' ? undefined : keys.map((key) => existing.get(key)).find((id) => id !== undefined);
    const twin = rules.duplicates === 'create' ? undefined : keys.map((key) => claimed.get(key)).find((at) => at !== undefined);
    if (match && rules.duplicates === 'update') {
      toUpdate.push({ index, id: match });
    } else if (match || twin !== undefined) {
      entry.action = 'skipped';
      entry.account_id = match ?? null;
      counts.skipped += 1;
    } else {
      toCreate.push({ index, input: { kind: row.result.row.kind, fields: row.result.row.fields, ownerIds: ownersOfRow(actor, rules, row.result.row) } });
      for (const key of keys) claimed.set(key, index);
    }
  });

  const created = await insertNewAccounts(trx, actor, toCreate.map((item) => item.input));
  const links: Link[] = [];
  const tagged: TagTarget[] = [];
  created.forEach((account, position) => {
    const item = toCreate[position];
    const entry = item ? ledger[item.index] : undefined;
    const row = item ? rows[item.index] : undefined;
    if (!item || !entry || !row?.result.ok) return;
    entry.action = 'created';
    entry.account_id = account.id;
    counts.created += 1;
    tagged.push({ index: item.index, accountId: account.id, created: true, tags: rowTags.get(item.index) ?? [] });
    if (row.result.row.company) links.push({ rowIndex: item.index, personId: account.id, personCreated: true, company: row.result.row.company });
  });

  const images = new Map<number, Omit<BeforeImage, 'addedTagIds'>>();
  for (const item of toUpdate) {
    const row = rows[item.index];
    const entry = ledger[item.index];
    if (!row?.result.ok || !entry) continue;
    const filled = fills.has(item.index);
    images.set(item.index, await updateFromRow(trx, actor, item.id, row, rules, filled));
    entry.action = 'updated';
    entry.account_id = item.id;
    // The user sees the organization this import created; undo restores it, then deletes it with the row that made it.
    if (filled) counts.created += 1;
    else counts.updated += 1;
    tagged.push({ index: item.index, accountId: item.id, created: false, tags: rowTags.get(item.index) ?? [] });
    if (row.result.row.company) links.push({ rowIndex: item.index, personId: item.id, personCreated: false, company: row.result.row.company });
  }

  // Rows in file order, so that of two rows updating one account the first holds the tags it gained.
  const addedTags = await tagBatch(trx, actor, tagged.sort((a, b) => a.index - b.index));
  for (const [index, image] of images) {
    const entry = ledger[index];
    if (entry) entry.before = JSON.stringify({ ...image, addedTagIds: addedTags.get(index) ?? [] } satisfies BeforeImage);
  }

  await linkCompanies(trx, actor, rules, links, ledger);
  return { ledger, counts };
}

/**
 * Organization rows that name an organization this import already created for an earlier row's
 * person (the file lists people before their companies): by row index, the organization each one
 * fills in rather than duplicating or skipping it.
 */
async function placeholdersToFill(trx: Db, job: BatchJob, rows: BatchRow[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  rows.forEach(({ result }, index) => {
    if (result.ok && result.row.kind === 'organization') names.set(index, normalizeText(displayName('organization', result.row.fields)));
  });
  const fills = new Map<number, string>();
  if (names.size === 0) return fills;
  const found = await findDuplicateCandidates(trx, job.actor, 'organization', { terms: [], taxIds: [], names: [...new Set(names.values())] });
  const ours = await organizationsCreatedBy(trx, job.importId, found.map((match) => match.id));
  const byName = new Map(found.filter((match) => ours.has(match.id)).map((match) => [match.key.slice('name:'.length), match.id]));
  const taken = new Set<string>();
  for (const [index, name] of names) {
    const id = byName.get(name);
    if (id && !taken.has(id)) {
      fills.set(index, id);
      taken.add(id);
    }
  }
  return fills;
}

/**
 * Applies a row to an existing account; returns the before-image undo restores. Filling in an
 * organization the import created for a company, the row's owners replace the import's.
 */
async function updateFromRow(trx: Db, actor: Actor, id: string, row: BatchRow, rules: ImportRules, fill = false): Promise<Omit<BeforeImage, 'addedTagIds'>> {
  const [before] = await findAccountsByIds(trx, [id]);
  if (!before || !row.result.ok) throw new Error(`account ${id} vanished during import`);
  const ownerIds = ((await ownersOf(trx, [id])).get(id) ?? []).map((owner) => owner.id);
  const old = fieldsOf(before);
  const next = mergedFields(old, row.result.row.fields, row.values, rules);
  const changes = diffFields(old, next, auditedAccountFields);
  const rowOwners = ownersOfRow(actor, rules, row.result.row);
  const newOwners = fill ? rowOwners : union(ownerIds, rowOwners);
  const ownersChanged = newOwners.length !== ownerIds.length || newOwners.some((owner) => !ownerIds.includes(owner));
  if (changes.length > 0 || ownersChanged) {
    const patch = { ...columnsOf(before.kind, next), updated_at: nowIso(), updated_by: actor.id };
    if (!(await updateAccountRow(trx, id, before.version, patch))) throw new Error(`account ${id} changed during import`);
    const terms = termsOf(before.kind, next, patch.country);
    await setTermsAndOwners(trx, id, ownersChanged ? { terms, ownerIds: newOwners } : { terms });
    await writeAudit(trx, { actorId: actor.id, entity: 'account', entityId: id, accountId: id, action: 'updated', changes });
  }
  return { kind: before.kind, fields: old, ownerIds };
}

/** Links people to their company by tax id or name, creating missing organizations once per batch. */
async function linkCompanies(trx: Db, actor: Actor, rules: ImportRules, links: Link[], ledger: ImportRowRow[]): Promise<void> {
  if (links.length === 0) return;
  const keyOf = (company: Link['company']): string =>
    company.taxId ? `tax:${normalizeTaxIdFor(company.taxId, null)}` : `name:${normalizeText(company.name ?? '')}`;
  const found = await findDuplicateCandidates(trx, actor, 'organization', splitKeys(links.map((link) => keyOf(link.company))));
  const orgs = new Map<string, string>();
  for (const match of found) if (!orgs.has(match.key)) orgs.set(match.key, match.id);
  const missing = new Map<string, Link>();
  for (const link of links) if (!orgs.has(keyOf(link.company)) && !missing.has(keyOf(link.company))) missing.set(keyOf(link.company), link);
  const base = blankAccountFields(rules.stage ?? 'lead');
  const newOrgs = [...missing.values()];
  const inserted = await insertNewAccounts(trx, actor, newOrgs.map((link) => ({
    kind: 'organization',
    fields: { ...base, name: link.company.name ?? link.company.taxId, taxId: link.company.taxId },
    ownerIds: rules.ownerIds,
  })));
  inserted.forEach((org, position) => {
    const link = newOrgs[position];
    if (!link) return;
    orgs.set(keyOf(link.company), org.id);
    const entry = ledger[link.rowIndex];
    if (entry) entry.organization_id = org.id;
  });
  const now = nowIso();
  const contacts: ContactRow[] = [];
  for (const link of links) {
    const organizationId = orgs.get(keyOf(link.company));
    if (!organizationId) continue;
    if (!link.personCreated && (await findContactPair(trx, link.personId, organizationId))) continue;
    if (contacts.some((contact) => contact.person_id === link.personId && contact.organization_id === organizationId)) continue;
    const contact: ContactRow = {
      id: newId(), person_id: link.personId, organization_id: organizationId, position: link.company.position,
      area: null, created_at: now, created_by: actor.id,
    };
    contacts.push(contact);
    const entry = ledger[link.rowIndex];
    if (entry && !link.personCreated) entry.contact_id = contact.id;
  }
  await insertContactsBulk(trx, contacts);
  await writeAudits(trx, contacts.flatMap((contact) => [contact.person_id, contact.organization_id].map((accountId) => ({
    actorId: actor.id, entity: 'contact', entityId: contact.id, accountId, action: 'contact_added',
    changes: [{ field: 'position', before: null, after: contact.position }],
  }))));
}
