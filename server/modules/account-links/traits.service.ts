import {
  characteristicCreateSchema, interestCreateSchema, interestKinds, traitUpdateSchema,
  type CharacteristicCreate, type InterestCreate, type Trait, type TraitKind, type TraitUpdate,
} from '@contract/account-links';
import type { AccountTraitRow, Db } from '@server/db/database';
import type { FieldChange } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { deleteTrait, findTrait, findTraitByKey, insertTrait, traitsOf, updateTraitRow, type TraitWithAuthor } from './traits.repo';

/** Characteristics and interest areas share one table; a family is one of the two. */
export type TraitFamily = 'characteristic' | 'interest';
const kindsOf = (family: TraitFamily): TraitKind[] => (family === 'characteristic' ? ['characteristic'] : [...interestKinds]);
const listOf = (family: TraitFamily) => (family === 'characteristic' ? 'characteristic' : 'interest_area');
// History names the item by its key (the web shows the label) and says which family it is.
const keyField = (family: TraitFamily) => (family === 'characteristic' ? 'characteristic' : 'interestArea');

const present = (row: TraitWithAuthor): Trait => ({
  id: row.id,
  kind: row.kind,
  key: row.item_key,
  note: row.note,
  createdAt: row.created_at,
  createdBy: row.created_by && row.created_by_name ? { id: row.created_by, name: row.created_by_name } : null,
});

const exists = () => new AppError('validation_failed', { fields: [{ field: 'key', code: 'trait_exists' }] });

export async function listTraits(db: Db, actor: Actor, accountId: string, family: TraitFamily): Promise<Trait[]> {
  authorize(actor, { domain: 'account', action: 'read' });
  const account = await requireVisibleAccount(db, actor, accountId);
  return (await traitsOf(db, account.id, kindsOf(family))).map(present);
}

async function presentOne(db: Db, accountId: string, id: string, family: TraitFamily): Promise<Trait> {
  const row = (await traitsOf(db, accountId, kindsOf(family))).find((trait) => trait.id === id);
  if (!row) throw new AppError('not_found');
  return present(row);
}

/** Adds a characteristic or an interest area (an active list item, once per account and kind). */
export async function addTrait(db: Db, actor: Actor, accountId: string, family: TraitFamily, input: CharacteristicCreate | InterestCreate): Promise<Trait> {
  const data = family === 'characteristic'
    ? { ...characteristicCreateSchema.parse(input), kind: 'characteristic' as const }
    : interestCreateSchema.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'account', action: 'update' });
    await checkListValue(trx, listOf(family), 'key', data.key);
    if (await findTraitByKey(trx, account.id, data.kind, data.key)) throw exists();
    const now = nowIso();
    const row: AccountTraitRow = {
      id: newId(), account_id: account.id, kind: data.kind, item_key: data.key, note: data.note ?? null,
      created_at: now, created_by: actor.id, updated_at: now,
    };
    await insertTrait(trx, row);
    const changes: FieldChange[] = [{ field: keyField(family), before: null, after: row.item_key }];
    if (family === 'interest') changes.push({ field: 'interestKind', before: null, after: row.kind });
    if (row.note) changes.push({ field: 'note', before: null, after: row.note });
    await writeAudit(trx, { actorId: actor.id, entity: 'account_trait', entityId: row.id, accountId: account.id, action: `${family}_added`, changes });
    return row.id;
  });
  return presentOne(db, accountId, id, family);
}

/** Changes the note (and, for interest areas, the kind: interest, disinterest, unmet need). */
export async function updateTrait(db: Db, actor: Actor, accountId: string, family: TraitFamily, traitId: string, input: TraitUpdate): Promise<Trait> {
  const data = traitUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'account', action: 'update' });
    const before = await findTrait(trx, account.id, traitId, kindsOf(family));
    if (!before) throw new AppError('not_found');
    const kind = family === 'interest' && data.kind ? data.kind : before.kind;
    const note = data.note === undefined ? before.note : data.note;
    if (kind !== before.kind && (await findTraitByKey(trx, account.id, kind, before.item_key))) {
      throw new AppError('validation_failed', { fields: [{ field: 'kind', code: 'trait_exists' }] });
    }
    const changes: FieldChange[] = [];
    if (kind !== before.kind) changes.push({ field: 'interestKind', before: before.kind, after: kind });
    if (note !== before.note) changes.push({ field: 'note', before: before.note, after: note });
    if (changes.length === 0) return;
    await updateTraitRow(trx, before.id, { note, kind, updated_at: nowIso() });
    // Names the item without claiming it changed.
    changes.unshift({ field: keyField(family), before: null, after: before.item_key });
    await writeAudit(trx, { actorId: actor.id, entity: 'account_trait', entityId: before.id, accountId: account.id, action: `${family}_updated`, changes });
  });
  return presentOne(db, accountId, traitId, family);
}

export async function removeTrait(db: Db, actor: Actor, accountId: string, family: TraitFamily, traitId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'account', action: 'update' });
    const before = await findTrait(trx, account.id, traitId, kindsOf(family));
    if (!before) throw new AppError('not_found');
    await deleteTrait(trx, before.id);
    const changes: FieldChange[] = [{ field: keyField(family), before: before.item_key, after: null }];
    if (family === 'interest') changes.push({ field: 'interestKind', before: before.kind, after: null });
    await writeAudit(trx, { actorId: actor.id, entity: 'account_trait', entityId: before.id, accountId: account.id, action: `${family}_removed`, changes });
  });
}
