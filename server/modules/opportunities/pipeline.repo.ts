import type { Db, PipelineRow } from '@server/db/database';

export const findPipeline = (db: Db): Promise<PipelineRow | undefined> =>
  db.selectFrom('pipelines').selectAll().where('id', '=', 'default').executeTakeFirst();

export async function updatePipelineRow(db: Db, version: number, patch: Pick<PipelineRow, 'stale_days' | 'updated_at' | 'updated_by'>): Promise<boolean> {
  const result = await db.updateTable('pipelines').set({ ...patch, version: version + 1 }).where('id', '=', 'default').where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
