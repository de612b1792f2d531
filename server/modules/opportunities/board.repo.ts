import { generateKeyBetween } from 'fractional-indexing';
import { sql } from 'kysely';
import type { Group } from '@contract/list-query';
import type { Db } from '@server/db/database';
import { exactValueGroups } from '@server/lib/group-count';
import { encodeCursor, keysetPage, sortTable } from '@server/lib/list';
import type { PortfolioDrive } from '@server/lib/portfolio-drive';
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

export type ColumnStart = { ids: string[]; nextCursor: string | null };

/**
 * The first `limit` cards of each column in board order, and each column's next cursor, in one
 * read. `columns` carries each column's count (from stageTotals), which its cursor keeps; a column
 * without cards is not read. Two shapes, as `drive` says `base` reads the actor's scope (see
 * opportunityScope):
 * - walking the board index: a keyset read per column (its stage's slice of the index, stopped at
 *   `limit` + 1), joined by UNION ALL. Everyone's board, or a team's (a card in twenty is theirs:
 *   about 400 checks by key per column), reads a few hundred index entries, where ranking every
 *   card to keep the first of each column would read them all.
 * - from the portfolio: an agent's cards (one in two hundred) are read once from their
 *   organizations and ranked per column; walking the index would check 4,000 per column.
 */
export async function firstCards(
  db: Db, base: ScopedOpportunities, columns: Array<{ stage: string; count: number }>, limit: number, drive: PortfolioDrive,
): Promise<Map<string, ColumnStart>> {
  const stages = columns.filter((column) => column.count > 0).map((column) => column.stage);
  const rows = stages.length === 0 ? [] : drive === 'portfolio' ? await rankedStarts(db, base, stages, limit + 1) : await walkedStarts(db, base, stages, limit + 1);
  const starts = new Map<string, ColumnStart>();
  for (const column of columns) {
    const mine = rows.filter((row) => row.stage === column.stage);
    const page = mine.slice(0, limit);
    const last = page[page.length - 1];
    starts.set(column.stage, {
      ids: page.map((row) => row.id),
      nextCursor: mine.length > limit && last ? encodeCursor(boardPlan.key, column.count, [last.position, last.id]) : null,
    });
  }
  return starts;
}

type StartRow = { id: string; stage: string; position: string };

function walkedStarts(db: Db, base: ScopedOpportunities, stages: string[], take: number): Promise<StartRow[]> {
  const [first, ...rest] = stages.map((stage) => db.selectFrom(
    base.where('opportunities.stage', '=', stage).select(['opportunities.id', 'opportunities.stage', 'opportunities.position'])
      .orderBy('opportunities.position').orderBy('opportunities.id').limit(take).as('c'),
  ).selectAll());
  return first ? rest.reduce((query, next) => query.unionAll(next), first).execute() : Promise.resolve([]);
}

function rankedStarts(db: Db, base: ScopedOpportunities, stages: string[], take: number): Promise<StartRow[]> {
  const ranked = base.where('opportunities.stage', 'in', stages).select([
    'opportunities.id', 'opportunities.stage', 'opportunities.position',
    sql<number>`row_number() over (partition by opportunities.stage order by opportunities.position, opportunities.id)`.as('rank'),
  ]);
  return db.selectFrom(ranked.as('c')).select(['c.id', 'c.stage', 'c.position']).where('c.rank', '<=', take).execute();
}

/** A column's next page after a cursor, in board order. */
export async function columnPage(db: Db, base: ScopedOpportunities, stage: string, page: { limit: number; cursor?: string | undefined }) {
  const column = base.where('opportunities.stage', '=', stage);
  return keysetPage(db, column, column.select(['opportunities.id', 'opportunities.position']), boardPlan, page, (row) => [row.position, row.id]);
}

/**
 * Every stage's cards counted and their amounts summed per currency, over all the cards the
 * filters and the actor's scope leave (never the loaded ones), exactly (a total that stopped at a
 * cap would be a wrong total), in one grouped pass (see exactValueGroups).
 */
export const stageTotals = (db: Db, base: ScopedOpportunities, stages: string[]): Promise<Group[]> =>
  exactValueGroups(db, base, 'opportunities.stage', stages, { amount: 'opportunities.amount', currency: 'opportunities.currency' });
