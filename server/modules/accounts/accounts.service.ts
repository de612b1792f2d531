import {
  accountCreateSchema, accountOwnersSchema, accountSchema, accountUpdateSchema, overviewCounterKeys,
  type Account, type AccountCreate, type AccountKind, type AccountListQuery, type AccountUpdate,
} from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { checkTaxId } from '@contract/tax-id';
import { personFieldKeys, type AccountListItem } from '@contract/accounts';
import { uncounted, type AccountRow, type Db } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { parseJsonColumn } from '@server/lib/json';
import { nowIso } from '@server/lib/time';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import { writeAudit, writeAudits } from '@server/modules/audit/audit.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { findTeam } from '@server/modules/teams/teams.repo';
import { activeUserIds, userNames } from '@server/modules/users/users.repo';
import { auditedAccountFields, columnsOf, fieldsOf, location, termsOf, type AccountFields } from './account-fields';
import { checkParent, requestedParent } from './account-tree.service';
import { presentAccount, presentListItem } from './accounts.presenter';
import { overviewOf, overviewsOf } from './overview.repo';
import { listAccountPage } from './account-list';
import {
  findAccountDetail, findVisibleAccount, insertAccountsBulk, type AccountDetailRow, ownersOf, setTermsAndOwners, updateAccountRow,
} from './accounts.repo';

/** The account or a 404: outside the portfolio, discarded and absent all read the same. */
export async function requireVisibleAccount(db: Db, actor: Actor, id: string): Promise<AccountRow> {
  const row = await findVisibleAccount(db, actor, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Owners must be active users; agents always stay owners of what they create, or they would lose it. */
export async function checkOwners(db: Db, actor: Actor, ownerIds: string[]): Promise<string[]> {
  const ids = [...new Set(ownerIds)];
  const active = await activeUserIds(db, ids);
  const unknown = ids.findIndex((id) => !active.has(id));
  if (unknown >= 0) throw new AppError('validation_failed', { fields: [{ field: `ownerIds.${unknown}`, code: 'unknown_user' }] });
  return ids;
}

/**
 * Stage, industry and source must be active list items (or the values the account already has),
 * and the tax id must be valid for the account's country when either changes.
 */
export async function checkListValues(db: Db, next: AccountFields, current: AccountFields | null): Promise<void> {
  const country = location(next.addresses).country;
  const taxIdTouched = next.taxId !== (current?.taxId ?? null) || country !== (current ? location(current.addresses).country : null);
  if (next.taxId && taxIdTouched && !checkTaxId(next.taxId, country).valid) {
    throw new AppError('validation_failed', { fields: [{ field: 'taxId', code: 'invalid_tax_id' }] });
  }
  await checkListValue(db, 'account_stage', 'stage', next.stage, current?.stage ?? null);
  await checkListValue(db, 'industry', 'industry', next.industry, current?.industry ?? null);
  await checkListValue(db, 'source', 'source', next.source, current?.source ?? null);
  await checkListValue(db, 'contact_channel', 'preferredChannel', next.preferredChannel, current?.preferredChannel ?? null);
  if (next.teamId && next.teamId !== (current?.teamId ?? null) && !(await findTeam(db, next.teamId))) {
    throw new AppError('validation_failed', { fields: [{ field: 'teamId', code: 'unknown_team' }] });
  }
}

/** An account as its page shows it, from a row read by findAccountDetail (its owners included). */
function presentDetail(actor: Actor, row: AccountDetailRow): Account {
  const owners = parseJsonColumn(row.owners_json, accountSchema.shape.owners, []);
  const createdBy = row.created_by && row.created_by_name ? { id: row.created_by, name: row.created_by_name } : null;
  const parent = row.parent_id && row.parent_name ? { id: row.parent_id, name: row.parent_name } : null;
  return presentAccount(row, owners, createdBy, actor, overviewOf(row, overviewCounterKeys), parent);
}

/** Reloads an account the actor has just written, as its page shows it (whether or not it is still theirs to see). */
export async function presentById(db: Db, actor: Actor, row: AccountRow): Promise<Account> {
  const detail = await findAccountDetail(db, actor, row.id, overviewCounterKeys, false);
  if (!detail) throw new AppError('not_found');
  return presentDetail(actor, detail);
}

/** A new account to insert: its kind, fields and owners. */
export type NewAccountInput = { kind: AccountKind; fields: AccountFields; ownerIds: string[] };

/**
 * Inserts new accounts with their owners, search terms and "created" history rows, in
 * multi-row statements. Runs inside the caller's transaction (an import batch, or adding a
 * contact, which creates the person in the same one).
 */
export async function insertNewAccounts(trx: Db, actor: Actor, items: NewAccountInput[]): Promise<AccountRow[]> {
  const now = nowIso();
  const rows = items.map((item) => ({
    id: newId(),
    kind: item.kind,
    ...columnsOf(item.kind, item.fields),
    created_at: now,
    updated_at: now,
    created_by: actor.id,
    updated_by: actor.id,
    version: 1,
    discarded_at: null,
    discarded_by: null,
    logo_document_id: null,
  }));
  const terms = rows.flatMap((row, index) => {
    const item = items[index];
    return item ? termsOf(item.kind, item.fields, row.country).map((term) => ({ account_id: row.id, term })) : [];
  });
  const owners = rows.flatMap((row, index) => (items[index]?.ownerIds ?? []).map((user_id) => ({ account_id: row.id, user_id })));
  await insertAccountsBulk(trx, rows, terms, owners);
  // A new account has counted nothing yet (its counters are the triggers' to keep).
  const inserted = rows.map((row): AccountRow => ({ ...row, ...uncounted }));
  await writeAudits(trx, inserted.map((row, index) => ({
    actorId: actor.id, entity: 'account', entityId: row.id, accountId: row.id, action: 'created',
    changes: diffFields(null, items[index]?.fields ?? fieldsOf(row), auditedAccountFields),
  })));
  return inserted;
}

/** Inserts one new account (see insertNewAccounts). */
export async function insertNewAccount(trx: Db, actor: Actor, kind: AccountKind, fields: AccountFields, ownerIds: string[]): Promise<AccountRow> {
  const [row] = await insertNewAccounts(trx, actor, [{ kind, fields, ownerIds }]);
  if (!row) throw new AppError('internal');
  return row;
}

/** Creates an organization or a person; the creator owns it unless other owners are named. */
export async function createAccount(db: Db, actor: Actor, input: AccountCreate): Promise<Account> {
  const { kind, fields, ownerIds } = await prepareNewAccount(db, actor, input);
  const row = await db.transaction().execute((trx) => insertNewAccount(trx, actor, kind, fields, ownerIds));
  return presentById(db, actor, row);
}

/** Checks a new account's input (authorization, owners, list values) and resolves its fields and owners. */
export async function prepareNewAccount(db: Db, actor: Actor, input: AccountCreate): Promise<{ kind: AccountKind; fields: AccountFields; ownerIds: string[] }> {
  authorize(actor, { domain: 'account', action: 'create' });
  const data = accountCreateSchema.parse(input);
  let ownerIds = await checkOwners(db, actor, data.ownerIds ?? []);
  if (ownerIds.length === 0 || (actor.role === 'agent' && !ownerIds.includes(actor.id))) ownerIds = [actor.id, ...ownerIds];
  const fields: AccountFields = {
    name: data.kind === 'organization' ? (data.name ?? null) : null,
    firstName: data.kind === 'person' ? (data.firstName ?? null) : null,
    lastName: data.kind === 'person' ? (data.lastName ?? null) : null,
    stage: data.stage ?? 'lead',
    taxId: data.taxId ?? null,
    industry: data.industry ?? null,
    source: data.source ?? null,
    website: data.website ?? null,
    emails: data.emails ?? [],
    phones: data.phones ?? [],
    addresses: data.addresses ?? {},
    notes: data.notes ?? null,
    invoiceDelivery: data.invoiceDelivery ?? null,
    invoiceEmail: data.invoiceEmail ?? null,
    creditDays: data.creditDays ?? null,
    teamId: data.teamId ?? null,
    parentId: data.parentId ?? null,
    birthDate: data.birthDate ?? null,
    nationalId: data.nationalId ?? null,
    preferredChannel: data.preferredChannel ?? null,
    language: data.language ?? null,
  };
  await checkListValues(db, fields, null);
  await checkParent(db, actor, data.kind, null, fields.parentId, null);
  return { kind: data.kind, fields, ownerIds };
}

/** Updates the fields sent, if the version sent is current; otherwise 412 and nothing changes. */
export async function updateAccount(db: Db, actor: Actor, id: string, input: AccountUpdate): Promise<Account> {
  const data = accountUpdateSchema.parse(input);
  const row = await db.transaction().execute(async (trx) => {
    const before = await requireVisibleAccount(trx, actor, id);
    authorize(actor, { domain: 'account', action: 'update' });
    if (before.version !== data.version) throw new AppError('stale_version');
    if (before.kind === 'organization' && (data.firstName !== undefined || data.lastName !== undefined)) {
      throw new AppError('validation_failed', { fields: [{ field: data.firstName !== undefined ? 'firstName' : 'lastName', code: 'not_for_kind' }] });
    }
    if (before.kind === 'person' && data.name !== undefined) {
      throw new AppError('validation_failed', { fields: [{ field: 'name', code: 'not_for_kind' }] });
    }
    const personOnly = personFieldKeys.find((key) => data[key] !== undefined && data[key] !== null);
    if (before.kind === 'organization' && personOnly) {
      throw new AppError('validation_failed', { fields: [{ field: personOnly, code: 'not_for_kind' }] });
    }
    const old = fieldsOf(before);
    const next: AccountFields = { ...old };
    for (const key of auditedAccountFields) {
      const value = data[key];
      if (value !== undefined) Object.assign(next, { [key]: value });
    }
    next.parentId = await requestedParent(trx, actor, data.parentId, old.parentId);
    await checkListValues(trx, next, old);
    await checkParent(trx, actor, before.kind, id, next.parentId, old.parentId);
    const changes = diffFields(old, next, auditedAccountFields);
    if (changes.length === 0) return before;
    const now = nowIso();
    const patch = { ...columnsOf(before.kind, next), updated_at: now, updated_by: actor.id };
    if (!(await updateAccountRow(trx, id, data.version, patch))) throw new AppError('stale_version');
    await setTermsAndOwners(trx, id, { terms: termsOf(before.kind, next, patch.country) });
    await writeAudit(trx, { actorId: actor.id, entity: 'account', entityId: id, accountId: id, action: 'updated', changes });
    return { ...before, ...patch, version: data.version + 1 };
  });
  return presentById(db, actor, row);
}

/** Replaces the account's responsible users (the portfolio follows them). */
export async function changeOwners(db: Db, actor: Actor, id: string, input: { version: number; ownerIds: string[] }): Promise<Account> {
  const data = accountOwnersSchema.parse(input);
  const ownerIds = await checkOwners(db, actor, data.ownerIds);
  const row = await db.transaction().execute(async (trx) => {
    const before = await requireVisibleAccount(trx, actor, id);
    authorize(actor, { domain: 'account', action: 'changeOwners' });
    if (before.version !== data.version) throw new AppError('stale_version');
    return writeOwners(trx, actor, before, ownerIds);
  });
  return presentById(db, actor, row);
}

/**
 * Sets the owners of an account read in the caller's transaction: its version moves (an owners
 * form opened before then gets 412, not a silent undo) and history records who was and is owner.
 */
async function writeOwners(trx: Db, actor: Actor, before: AccountRow, ownerIds: string[]): Promise<AccountRow> {
  const previous = (await ownersOf(trx, [before.id])).get(before.id) ?? [];
  const names = await userNames(trx, ownerIds);
  const now = nowIso();
  if (!(await updateAccountRow(trx, before.id, before.version, { updated_at: now, updated_by: actor.id }))) throw new AppError('stale_version');
  await setTermsAndOwners(trx, before.id, { ownerIds });
  await writeAudit(trx, {
    actorId: actor.id, entity: 'account', entityId: before.id, accountId: before.id, action: 'owners_changed',
    changes: [{ field: 'owners', before: previous.map((owner) => owner.name), after: ownerIds.map((ownerId) => names.get(ownerId) ?? ownerId) }],
  });
  return { ...before, updated_at: now, updated_by: actor.id, version: before.version + 1 };
}

/** Adds one owner to an account read in the caller's transaction (the caller has authorized it). */
export async function addOwner(trx: Db, actor: Actor, before: AccountRow, userId: string): Promise<AccountRow> {
  const current = ((await ownersOf(trx, [before.id])).get(before.id) ?? []).map((owner) => owner.id);
  return current.includes(userId) ? before : writeOwners(trx, actor, before, [...current, userId]);
}

/** Sends the account to the bin: it disappears everywhere except for admins there. */
export async function discardAccount(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleAccount(trx, actor, id);
    authorize(actor, { domain: 'account', action: 'discard' });
    const now = nowIso();
    if (!(await updateAccountRow(trx, id, before.version, { discarded_at: now, discarded_by: actor.id, updated_at: now, updated_by: actor.id }))) {
      throw new AppError('stale_version');
    }
    await writeAudit(trx, { actorId: actor.id, entity: 'account', entityId: id, accountId: id, action: 'discarded', changes: [] });
  });
}

export async function getAccount(db: Db, actor: Actor, id: string): Promise<Account> {
  authorize(actor, { domain: 'account', action: 'read' });
  const detail = await findAccountDetail(db, actor, id, overviewCounterKeys, true);
  if (!detail) throw new AppError('not_found');
  return presentDetail(actor, detail);
}

export async function findAccounts(db: Db, actor: Actor, query: AccountListQuery): Promise<ListResponse<AccountListItem>> {
  authorize(actor, { domain: 'account', action: 'read' });
  const page = await listAccountPage(db, accountScopeOf(actor), query);
  const ids = page.rows.map((row) => row.id);
  const owners = await ownersOf(db, ids);
  const overviews = await overviewsOf(db, actor, ids, query.counters);
  return {
    items: page.rows.map((row) => presentListItem(row, owners.get(row.id) ?? [], overviews.get(row.id))),
    nextCursor: page.nextCursor,
    total: page.total,
    totalIsEstimate: page.totalIsEstimate,
  };
}
