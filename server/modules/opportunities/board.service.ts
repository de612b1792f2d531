import {
  opportunityMoveSchema, opportunityStatuses,
  type Board, type BoardColumnQuery, type BoardQuery, type OpportunityCard, type OpportunityGroupQuery, type OpportunityMove,
} from '@contract/opportunities';
import type { ListResponse } from '@contract/common';
import type { GroupCount } from '@contract/list-query';
import type { Db, OpportunityRow } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError, fieldError } from '@server/lib/errors';
import { exactValueGroups } from '@server/lib/group-count';
import { nowIso } from '@server/lib/time';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import { recordPageDrive } from '@server/modules/accounts/record-drive.repo';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { columnPage, firstCards, positionBetween, stageTotals } from './board.repo';
import { auditedOpportunityFields, opportunityColumnsOf, opportunityFieldsOf } from './opportunity-fields';
import { filteredOpportunities, updateOpportunityRow } from './opportunities.repo';
import { cardsOf, requireVisibleOpportunity, withName } from './opportunities.service';
import { pipelineStages, requireStage, staleDaysOf } from './pipeline.service';

/**
 * The board's first screen in one answer: per stage (in the pipeline's order; a deactivated stage
 * only while cards sit in it) the count and the amounts per currency of every card the filters
 * leave, and the column's first cards.
 */
export async function getBoard(db: Db, actor: Actor, query: BoardQuery): Promise<Board> {
  authorize(actor, { domain: 'opportunity', action: 'read' });
  const { cards: perColumn, ...filters } = query;
  const stages = await pipelineStages(db);
  // The totals read all of the actor's matching cards, an agent's or a team's from the portfolio;
  // the first cards read the fewest index entries their drive allows (see firstCards).
  const totals = await stageTotals(db, filteredOpportunities(db, actor, filters), stages.map((stage) => stage.key));
  const shown = stages.flatMap((stage, index) => {
    const total = totals[index];
    return total && (stage.active || total.count > 0) ? [{ stage: stage.key, count: total.count, sums: total.sums ?? [] }] : [];
  });
  const drive = await recordPageDrive(db, accountScopeOf(actor));
  const starts = await firstCards(db, filteredOpportunities(db, actor, filters, drive), shown, perColumn, drive);
  const pages = shown.map((column) => ({ ...column, ...(starts.get(column.stage) ?? { ids: [], nextCursor: null }) }));
  const cards = new Map((await cardsOf(db, actor, pages.flatMap((page) => page.ids))).map((card) => [card.id, card]));
  return {
    staleDays: await staleDaysOf(db),
    columns: pages.map(({ ids, ...column }) => ({ ...column, cards: ids.flatMap((id) => cards.get(id) ?? []) })),
  };
}

/** A column's next cards after the cursor its previous page gave, under the board's filters. */
export async function getBoardColumn(db: Db, actor: Actor, query: BoardColumnQuery): Promise<ListResponse<OpportunityCard>> {
  authorize(actor, { domain: 'opportunity', action: 'read' });
  const { stage, limit, cursor, ...filters } = query;
  const page = await columnPage(db, filteredOpportunities(db, actor, filters, await recordPageDrive(db, accountScopeOf(actor))), stage, { limit, cursor });
  return { items: await cardsOf(db, actor, page.rows.map((row) => row.id)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

/** A neighbour named by a move: a card the actor sees in the target column. */
async function neighbour(db: Db, actor: Actor, id: string | null | undefined, stage: string, field: string): Promise<OpportunityRow | null> {
  if (!id) return null;
  const row = await requireVisibleOpportunity(db, actor, id).catch(() => null);
  if (!row || row.stage !== stage) throw fieldError(field, 'invalid_value');
  return row;
}

/**
 * Moves a card on the board: to a stage (its outcome becomes the status, its default the
 * probability, and winning or losing stamps the close), between two cards of that column. One
 * write to the card, whatever else moves around it (see board.repo).
 */
export async function moveOpportunity(db: Db, actor: Actor, id: string, input: OpportunityMove): Promise<OpportunityCard> {
  authorize(actor, { domain: 'opportunity', action: 'update' });
  const data = opportunityMoveSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleOpportunity(trx, actor, id);
    if (before.version !== data.version) throw new AppError('stale_version');
    const stage = await requireStage(trx, data.stage, before.stage);
    const after = await neighbour(trx, actor, data.afterId === id ? null : data.afterId, stage.key, 'afterId');
    const below = await neighbour(trx, actor, data.beforeId === id ? null : data.beforeId, stage.key, 'beforeId');
    const old = opportunityFieldsOf(before);
    const next = { ...old };
    if (stage.key !== old.stage) {
      next.stage = stage.key;
      next.status = stage.outcome;
      next.probability = stage.probability;
    }
    if (next.status === 'lost') {
      if (data.lostReason !== undefined) next.lostReason = data.lostReason;
      if (data.lostNote !== undefined) next.lostNote = data.lostNote;
      await checkListValue(trx, 'opportunity_lost_reason', 'lostReason', next.lostReason, old.lostReason);
    } else {
      if (data.lostReason) throw fieldError('lostReason', 'only_when_lost');
      next.lostReason = null;
      next.lostNote = null;
    }
    const now = nowIso();
    const position = await positionBetween(trx, stage.key, id, after?.position ?? null, below?.position ?? null);
    const patch: Partial<OpportunityRow> = { ...opportunityColumnsOf(next), position, updated_at: now, updated_by: actor.id };
    if (next.status !== old.status) patch.closed_at = next.status === 'open' ? null : now;
    if (!(await updateOpportunityRow(trx, id, data.version, patch))) throw new AppError('stale_version');
    const changes = diffFields(old, next, auditedOpportunityFields);
    await writeAudit(trx, { actorId: actor.id, entity: 'opportunity', entityId: id, accountId: before.organization_id, action: 'opportunity_moved', changes: withName(next, changes) });
  });
  const [card] = await cardsOf(db, actor, [id]);
  if (!card) throw new AppError('not_found');
  return card;
}

/** The list counted per stage or status, amounts per currency, under its filters and the actor's scope (exact). */
export async function countOpportunityGroups(db: Db, actor: Actor, query: OpportunityGroupQuery): Promise<GroupCount> {
  authorize(actor, { domain: 'opportunity', action: 'read' });
  const { by, ...filters } = query;
  const base = filteredOpportunities(db, actor, filters);
  if (by === 'stage') return { groups: await stageTotals(db, base, (await pipelineStages(db)).map((stage) => stage.key)) };
  return { groups: await exactValueGroups(db, base, 'opportunities.status', [...opportunityStatuses], { amount: 'opportunities.amount', currency: 'opportunities.currency' }) };
}
