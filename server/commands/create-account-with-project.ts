import type { Account } from '@contract/accounts';
import { accountCreateWithProjectSchema, type AccountCreateWithProject } from '@contract/projects';
import type { Db } from '@server/db/database';
import { fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { authorize, type Actor } from '@server/policies';
import { createAccount, getAccount, insertNewAccount, prepareNewAccount } from '@server/modules/accounts/accounts.service';
import { openProject } from '@server/modules/projects/projects.service';
import { prefixed } from './create-lead';

/**
 * "New company" (seed 003) with, optionally, its start project: the company and the project in one
 * transaction, so a refused project (an unknown responsible, say) leaves no company behind.
 */
export async function createAccountWithProject(db: Db, actor: Actor, input: AccountCreateWithProject): Promise<Account> {
  const { startProject, ...accountInput } = accountCreateWithProjectSchema.parse(input);
  if (!startProject) return createAccount(db, actor, accountInput);
  if (accountInput.kind !== 'organization') throw fieldError('startProject', 'not_for_kind');
  authorize(actor, { domain: 'project', action: 'create' });
  const { kind, fields, ownerIds } = await prepareNewAccount(db, actor, accountInput);
  const id = await db.transaction().execute(async (trx) => {
    const row = await insertNewAccount(trx, actor, kind, fields, ownerIds);
    await prefixed('startProject', openProject(trx, actor, newId(), row.id, startProject));
    return row.id;
  });
  return getAccount(db, actor, id);
}
