import { sql, type SqlBool } from 'kysely';
import type { AgreementRow, Db } from '@server/db/database';

/**
 * Statuses whose term can still lapse: not signed by both, not already closed. Literals, as in
 * agreements_lapsing_idx, whose condition SQLite matches only when a query repeats it.
 */
const lapsing = sql<SqlBool>`agreements.status in ('draft', 'sent', 'signed_by_customer') and agreements.end_on is not null`;

export type LapsedAgreement = Pick<AgreementRow, 'id' | 'organization_id' | 'title' | 'status' | 'end_on' | 'version'>;

/** The first `limit` agreements that can lapse and whose end date is before `day`, oldest end first. */
export const lapsedAgreements = (db: Db, day: string, limit: number): Promise<LapsedAgreement[]> =>
  db.selectFrom('agreements').select(['id', 'organization_id', 'title', 'status', 'end_on', 'version'])
    .where(lapsing).where('agreements.end_on', '<', day)
    .orderBy('agreements.end_on').orderBy('agreements.id').limit(limit).execute();
