import type { ActivityRow, Db } from '@server/db/database';
import { inChunks } from '@server/lib/chunks';

/** The e-mail activities of a bulk page in multi-row statements (one per recipient). */
export async function insertActivitiesBulk(db: Db, rows: ActivityRow[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('activities').values(chunk).execute());
}
