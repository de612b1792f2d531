import { sql } from 'kysely';
import type { AccountKind } from '@contract/accounts';
import type { Db } from '@server/db/database';
import { accountScope, type Actor } from '@server/policies';

/** How deep a tree is walked and how many nodes it returns: a guard, not a business rule. */
export const treeDepthLimit = 10;
export const treeSizeLimit = 1000;

export type TreeRow = { id: string; parent_id: string; depth: number; name: string; kind: AccountKind };

/**
 * The departments and subsidiaries under an account, walked only through accounts the actor
 * may see: a hidden child hides its own subtree too, so no name or shape leaks past the portfolio.
 */
export async function descendantsOf(db: Db, actor: Actor, rootId: string): Promise<TreeRow[]> {
  const result = await sql<{ id: string; parent_id: string; depth: number | string; name: string; kind: string }>`
    with recursive tree (id, parent_id, depth) as (
      select a.id, a.parent_id, 1 from accounts a where a.parent_id = ${rootId} and ${accountScope(actor, 'a')}
      union all
      select a.id, a.parent_id, tree.depth + 1 from accounts a join tree on a.parent_id = tree.id
      where tree.depth < ${treeDepthLimit} and ${accountScope(actor, 'a')}
    )
    select tree.id, tree.parent_id, tree.depth, accounts.name, accounts.kind
    from tree join accounts on accounts.id = tree.id
    order by tree.depth, accounts.name_norm, accounts.id
    limit ${treeSizeLimit}
  `.execute(db);
  return result.rows.map((row) => ({
    id: row.id, parent_id: row.parent_id, depth: Number(row.depth), name: row.name, kind: row.kind === 'person' ? 'person' : 'organization',
  }));
}

/**
 * True when `candidateId` is `accountId` itself or sits anywhere below it. Walks every account,
 * visible or not: a cycle through someone else's account is still a cycle.
 */
export async function wouldCycle(db: Db, accountId: string, candidateId: string): Promise<boolean> {
  if (accountId === candidateId) return true;
  const result = await sql<{ id: string }>`
    with recursive up (id, parent_id, depth) as (
      select id, parent_id, 0 from accounts where id = ${candidateId}
      union all
      select a.id, a.parent_id, up.depth + 1 from accounts a join up on a.id = up.parent_id where up.depth < 200
    )
    select id from up where id = ${accountId} limit 1
  `.execute(db);
  return result.rows.length > 0;
}
