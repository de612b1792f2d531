import type { AccountKind } from '@contract/accounts';
import type { AccountTree } from '@contract/account-links';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { authorize, type Actor } from '@server/policies';
import { descendantsOf, treeSizeLimit, wouldCycle } from './account-tree.repo';
import { findVisibleAccount } from './accounts.repo';

const invalidParent = (code: string) => new AppError('validation_failed', { fields: [{ field: 'parentId', code }] });

/**
 * A new parent must be an organization the actor can see, for an organization, and must not sit
 * below the account (no cycles). An unchanged parent is accepted even if the actor cannot see it.
 */
export async function checkParent(db: Db, actor: Actor, kind: AccountKind, accountId: string | null, next: string | null, current: string | null): Promise<void> {
  if (next === null || next === current) return;
  if (kind !== 'organization') throw invalidParent('not_for_kind');
  const parent = await findVisibleAccount(db, actor, next);
  if (!parent) throw invalidParent('unknown_account');
  if (parent.kind !== 'organization') throw invalidParent('wrong_kind');
  if (accountId && (await wouldCycle(db, accountId, next))) throw invalidParent('parent_cycle');
}

/**
 * The parent an edit asks for. An account whose parent the actor cannot see reads as having none
 * (presentAccount), so a form sending that "none" back keeps the parent rather than clearing it.
 */
export async function requestedParent(db: Db, actor: Actor, sent: string | null | undefined, current: string | null): Promise<string | null> {
  if (sent === undefined) return current;
  if (sent === null && current !== null && !(await findVisibleAccount(db, actor, current))) return current;
  return sent;
}

/** An account's parent and everything below it, as far as the actor's portfolio reaches. */
export async function accountTree(db: Db, actor: Actor, accountId: string): Promise<AccountTree> {
  authorize(actor, { domain: 'account', action: 'read' });
  const account = await findVisibleAccount(db, actor, accountId);
  if (!account) throw new AppError('not_found');
  const parent = account.parent_id ? await findVisibleAccount(db, actor, account.parent_id) : undefined;
  const rows = await descendantsOf(db, actor, accountId);
  return {
    parent: parent ? { id: parent.id, name: parent.name, kind: parent.kind } : null,
    items: rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, parentId: row.parent_id, depth: row.depth })),
    truncated: rows.length >= treeSizeLimit,
  };
}
