import type { AccountCreate } from '@contract/accounts';
import {
  registryAccountCreateSchema, type RegistryAccountCreate, type RegistryAccountCreated, type RegistrySubUnit,
} from '@contract/registry';
import { checkTaxId } from '@contract/tax-id';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { insertNewAccount, insertNewAccounts, prepareNewAccount } from '@server/modules/accounts/accounts.service';
import { writeAudits } from '@server/modules/audit/audit.repo';
import { ownLookup } from '@server/modules/registry/registry.service';
import { insertRegistryLinks } from '@server/modules/registry/registry.repo';
import { openProject } from '@server/modules/projects/projects.service';
import { prefixed } from './create-lead';

/** The part of a register's raw answer about one sub-unit: the first object that carries its number. */
function rawPartWith(raw: unknown, number: string): unknown {
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const found = rawPartWith(item, number);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const values = Object.values(raw);
  if (values.some((value) => (typeof value === 'string' || typeof value === 'number') && String(value) === number)) return raw;
  for (const value of values) {
    const found = rawPartWith(value, number);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A department's account: the sub-unit's name and address, the parent's stage, team and owners. */
function departmentInput(unit: RegistrySubUnit, country: string, parent: AccountCreate, ownerIds: string[]): AccountCreate {
  const address = unit.address;
  const addressCountry = address?.country ?? country;
  return {
    kind: 'organization',
    name: unit.name.slice(0, 200),
    stage: parent.stage,
    ...(parent.teamId ? { teamId: parent.teamId } : {}),
    // Norway's sub-units have organisation numbers of their own; Denmark's P-numbers are not tax ids.
    taxId: checkTaxId(unit.number, addressCountry).valid ? unit.number : null,
    addresses: address
      ? { visit: { street: address.street?.slice(0, 200) ?? null, postalCode: address.postalCode?.slice(0, 20) ?? null, city: address.city?.slice(0, 100) ?? null, region: address.region?.slice(0, 100) ?? null, country: addressCountry } }
      : {},
    ownerIds,
  };
}

/**
 * Creates an organization from a register lookup the actor made, with the ticked sub-units as its
 * departments and, when asked, its start project, in one transaction; each account keeps the
 * register entry and answer it came from.
 */
export async function createAccountFromRegistry(db: Db, actor: Actor, input: RegistryAccountCreate): Promise<RegistryAccountCreated> {
  const data = registryAccountCreateSchema.parse(input);
  if (data.startProject) authorize(actor, { domain: 'project', action: 'create' });
  const parent = await prepareNewAccount(db, actor, data.account);
  if (parent.kind !== 'organization') throw new AppError('validation_failed', { fields: [{ field: 'account.kind', code: 'wrong_kind' }] });
  const lookup = await ownLookup(db, actor, data.lookupId);
  const units = new Map(lookup.subUnits.map((unit) => [unit.number, unit]));
  const unknown = data.departments.findIndex((number) => !units.has(number));
  if (unknown >= 0) throw new AppError('validation_failed', { fields: [{ field: `departments.${unknown}`, code: 'not_in_lookup' }] });
  const chosen = [...new Set(data.departments)].flatMap((number) => units.get(number) ?? []);
  const departments: Array<{ unit: RegistrySubUnit; prepared: Awaited<ReturnType<typeof prepareNewAccount>> }> = [];
  for (const unit of chosen) {
    departments.push({ unit, prepared: await prepareNewAccount(db, actor, departmentInput(unit, lookup.row.country, data.account, parent.ownerIds)) });
  }

  return db.transaction().execute(async (trx) => {
    const parentRow = await insertNewAccount(trx, actor, parent.kind, parent.fields, parent.ownerIds);
    if (data.startProject) await prefixed('startProject', openProject(trx, actor, newId(), parentRow.id, data.startProject));
    const departmentRows = await insertNewAccounts(trx, actor, departments.map(({ prepared }) => ({
      kind: prepared.kind, fields: { ...prepared.fields, parentId: parentRow.id }, ownerIds: prepared.ownerIds,
    })));
    const now = nowIso();
    const { country, fetched_at: fetchedAt } = lookup.row;
    const link = (accountId: string, number: string, kind: 'company' | 'sub_unit', raw: unknown) => ({
      id: newId(), account_id: accountId, country, number, kind, fetched_at: fetchedAt, raw: JSON.stringify(raw ?? null), created_at: now, created_by: actor.id,
    });
    await insertRegistryLinks(trx, [
      link(parentRow.id, lookup.row.number, 'company', lookup.raw.company),
      ...departmentRows.map((row, index) => {
        const unit = departments[index]?.unit;
        return link(row.id, unit?.number ?? '', 'sub_unit', unit ? (rawPartWith(lookup.raw.subUnits ?? lookup.raw.company, unit.number) ?? unit) : null);
      }),
    ]);
    await writeAudits(trx, [parentRow, ...departmentRows].map((row, index) => ({
      actorId: actor.id, entity: 'account', entityId: row.id, accountId: row.id, action: 'registry_linked',
      changes: [{ field: 'registry', before: null, after: `${country} ${index === 0 ? lookup.row.number : (departments[index - 1]?.unit.number ?? '')} · ${fetchedAt}` }],
    })));
    return {
      id: parentRow.id,
      name: parentRow.name,
      departments: departmentRows.map((row) => ({ id: row.id, name: row.name })),
    };
  });
}
