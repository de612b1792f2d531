import type { AccountRow, Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { authorize, type Actor } from '@server/policies';
import { findVisibleAccount } from '@server/modules/accounts/accounts.repo';
import { addOwner } from '@server/modules/accounts/accounts.service';
import { loadActor } from '@server/modules/users/users.repo';

/**
 * The one rule for giving work to someone (requests, activities; later opportunities, projects):
 * no assignee may end up with work they cannot see. Work hangs off an account, and an account
 * outside a user's portfolio does not exist for them, so neither would its work in their lists,
 * bell or reminders.
 *
 * - The responsible user of a new lead becomes one of its owners (see leadOwnerIds).
 * - Work on an existing account may go to anyone who sees that account. Someone who does not is
 *   refused with `assignee_cannot_see_account` (422), unless the caller asks to add them as an
 *   owner: then the actor must be allowed to change the account's owners, and the owner is added
 *   in the caller's transaction with its history row.
 */
export type AssignOptions = {
  /** The form field that names the assignee, for the error. */
  field: string;
  /** The client confirmed "add them as an owner". */
  addAsOwner: boolean;
};

/**
 * Checks (and, when asked, makes) that the assignee sees the account, inside the caller's
 * transaction. Returns the account as it now is: its version moves when an owner is added.
 */
export async function ensureAssigneeSeesAccount(
  trx: Db, actor: Actor, account: AccountRow, assigneeId: string | null, options: AssignOptions,
): Promise<AccountRow> {
  // The actor has just read the account through their own portfolio.
  if (assigneeId === null || assigneeId === actor.id) return account;
  const assignee = await loadActor(trx, assigneeId);
  if (!assignee) throw new AppError('validation_failed', { fields: [{ field: options.field, code: 'unknown_user' }] });
  if (await findVisibleAccount(trx, assignee, account.id)) return account;
  if (!options.addAsOwner) {
    throw new AppError('assignee_cannot_see_account', {
      fields: [{ field: options.field, code: 'assignee_cannot_see_account' }],
      params: { name: assignee.name },
    });
  }
  authorize(actor, { domain: 'account', action: 'changeOwners' });
  return addOwner(trx, actor, account, assignee.id);
}

/**
 * A new lead's owners: those the form named and its responsible user (the actor unless another
 * or nobody is named), so whoever is to work the lead has it in their portfolio from the start.
 * An admin filing a lead for an agent names no owners and so does not own it; an agent always
 * stays owner of what they create (prepareNewAccount).
 */
export function leadOwnerIds(actor: Actor, ownerIds: string[] | undefined, responsibleId: string | null | undefined): string[] {
  const named = ownerIds ?? [];
  const responsible = responsibleId === undefined ? actor.id : responsibleId;
  return responsible === null || named.includes(responsible) ? named : [...named, responsible];
}
