import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Most activities and outbox messages belong to no campaign, and a queued message has no claim
// yet: indexing their NULLs only slows the writes (a 50,000-recipient bulk send writes as many
// activities and messages). Every query on these columns compares them (campaign_id = ?,
// claimed_at > ?), which implies IS NOT NULL on both dialects, so the partial indexes serve it.

const partial: Array<{ name: string; table: string; columns: string[]; column: string }> = [
  { name: 'activities_campaign_idx', table: 'activities', columns: ['campaign_id', 'account_id', 'status', 'due_at'], column: 'campaign_id' },
  { name: 'activities_campaign_start_idx', table: 'activities', columns: ['campaign_id', 'start_at', 'id'], column: 'campaign_id' },
  { name: 'email_messages_campaign_idx', table: 'email_messages', columns: ['campaign_id', 'account_id'], column: 'campaign_id' },
  { name: 'email_messages_claimed_idx', table: 'email_messages', columns: ['claimed_at'], column: 'claimed_at' },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const index of partial) {
    await db.schema.dropIndex(index.name).ifExists().execute();
    await db.schema.createIndex(index.name).on(index.table).columns(index.columns).where(sql.ref(index.column), 'is not', null).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of partial) {
    await db.schema.dropIndex(index.name).ifExists().execute();
    await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
  }
}
