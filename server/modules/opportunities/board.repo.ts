import { generateKeyBetween } from 'fractional-indexing';
import type { Group } from '@contract/list-query';
import type { Db } from '@server/db/database';
import { groupCount, valueBuckets } from '@server/lib/group-count';
import { encodeCursor, keysetPage, sortTable } from '@server/lib/list';
import type { ScopedOpportunities } from './opportunities.repo';

// A column's order is a rank key per card (fractional indexing: 'a0' < 'a0V' < 'a1'), compared as
// bytes on both dialects. A move writes the moved card's key only, made between its new
// neighbours' keys as the database holds them when it is written, so two people reordering the
// same column at once never undo each other, and cards nobody touched never change. Two cards
// dropped into the same gap at the same moment get the same key; the id breaks the tie, so the
// order stays total, and a later drop between them lands after both.

export const boardSort = sortTable('opportunities', { position: ['position'] });
const boardPlan = boardSort.plan('position');

/** Live cards of a stage (the board's partial indexes hold only those), all portfolios together. */
const stageCards = (db: Db, stage: string, except: string) =>
  db.selectFrom('opportunities').where('stage', '=', stage).where('organization_discarded_at', 'is', null).where('id', '!=', except);

/** The first key of a column: before its top card (new deals go on top). */
export async function topPosition(db: Db, stage: string, except = ''): Promise<string> {
  const top = await stageCards(db, stage, except).select((eb) => eb.fn.min('position').as('position')).executeTakeFirst();
  return generateKeyBetween(null, top?.position ?? null);
}

/** The key for a card placed after `after` (a key, or null for the top) and before `before` (null for the bottom) in `stage`. */
export async function positionBetween(db: Db, stage: string, except: string, after: string | null, before: string | null): Promise<string> {
  if (after !== null && before !== null && after < before) return generateKeyBetween(after, before);
  if (after !== null) {
    // The card that now follows `after` (a concurrent move may have put one there).
    const next = await stageCards(db, stage, except).where('position', '>', after).select((eb) => eb.fn.min('position').as('position')).executeTakeFirst();
    return generateKeyBetween(after, next?.position ?? null);
  }
  const previous = await stageCards(db, stage, except)
    .$if(before !== null, (query) => query.where('position', '<', before ?? ''))
    .select((eb) => eb.fn.max('position').as('position'))
    .executeTakeFirst();
  return generateKeyBetween(previous?.position ?? null, before);
}

export type CardKey = { id: string; position: string };

/** A column's first `limit` cards in board order, and the cursor of the next page (null when none). */
export async function firstCards(db: Db, base: ScopedOpportunities, stage: string, limit: number, count: number): Promise<{ ids: string[]; nextCursor: string | null }> {
  const rows = await base.where('opportunities.stage', '=', stage).select(['opportunities.id', 'opportunities.position'])
    .orderBy('opportunities.position').orderBy('opportunities.id').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { ids: page.map((row) => row.id), nextCursor: rows.length > limit && last ? encodeCursor(boardPlan.key, count, [last.position, last.id]) : null };
}

/** A column's next page after a cursor, in board order. */
export async function columnPage(db: Db, base: ScopedOpportunities, stage: string, page: { limit: number; cursor?: string | undefined }) {
  const column = base.where('opportunities.stage', '=', stage);
  return keysetPage(db, column, column.select(['opportunities.id', 'opportunities.position']), boardPlan, page, (row) => [row.position, row.id]);
}

/**
 * Every stage's cards counted and their amounts summed per currency, over all the cards the
 * filters and the actor's scope leave (never the loaded ones), exactly: a total that stopped at a
 * cap would be a wrong total.
 */
export const stageTotals = (db: Db, base: ScopedOpportunities, stages: string[]): Promise<Group[]> =>
  groupCount(db, base, valueBuckets('opportunities.stage', stages), { cap: Number.MAX_SAFE_INTEGER - 1, money: { amount: 'opportunities.amount', currency: 'opportunities.currency' } });
