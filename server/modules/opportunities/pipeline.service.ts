import { pipelineUpdateSchema, type Pipeline, type PipelineUpdate } from '@contract/opportunities';
import type { StageOutcome } from '@contract/lists';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { listItems } from '@server/modules/lists/lists.repo';
import { findPipeline, updatePipelineRow } from './pipeline.repo';

/** A stage of the pipeline as the server reasons about it. */
export type Stage = { key: string; active: boolean; probability: number; outcome: StageOutcome };

/** The pipeline's stages in board order, deactivated ones included (cards may still sit in them). */
export async function pipelineStages(db: Db): Promise<Stage[]> {
  return (await listItems(db, 'opportunity_stage', true)).map((item) => ({
    key: item.key, active: item.active, probability: item.probability ?? 0, outcome: item.outcome ?? 'open',
  }));
}

/** A stage a deal may go to: an active stage, or the one it is already in. */
export async function requireStage(db: Db, key: string, current: string | null, field = 'stage'): Promise<Stage> {
  const stage = (await pipelineStages(db)).find((candidate) => candidate.key === key);
  if (!stage || (!stage.active && key !== current)) throw new AppError('validation_failed', { fields: [{ field, code: 'unknown_list_item' }] });
  return stage;
}

/** Where a new deal starts: the first active open stage. */
export async function firstStage(db: Db): Promise<Stage> {
  const stage = (await pipelineStages(db)).find((candidate) => candidate.active && candidate.outcome === 'open');
  if (!stage) throw new AppError('validation_failed', { fields: [{ field: 'stage', code: 'required' }] });
  return stage;
}

export async function staleDaysOf(db: Db): Promise<number> {
  return (await findPipeline(db))?.stale_days ?? 14;
}

export async function getPipeline(db: Db, actor: Actor): Promise<Pipeline> {
  authorize(actor, { domain: 'opportunity', action: 'read' });
  const row = await findPipeline(db);
  if (!row) throw new AppError('not_found');
  return { staleDays: row.stale_days, version: row.version };
}

/** Changes after how many days without activity a card is stale (admins). */
export async function updatePipeline(db: Db, actor: Actor, input: PipelineUpdate): Promise<Pipeline> {
  authorize(actor, { domain: 'pipeline', action: 'manage' });
  const data = pipelineUpdateSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const before = await findPipeline(trx);
    if (!before) throw new AppError('not_found');
    if (before.version !== data.version) throw new AppError('stale_version');
    if (!(await updatePipelineRow(trx, data.version, { stale_days: data.staleDays, updated_at: nowIso(), updated_by: actor.id }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'pipeline', entityId: before.id, accountId: null, action: 'updated', changes: [{ field: 'staleDays', before: before.stale_days, after: data.staleDays }] });
    return { staleDays: data.staleDays, version: data.version + 1 };
  });
}
