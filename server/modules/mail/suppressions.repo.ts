import type { Db } from '@server/db/database';
import type { EmailSuppressionEventRow } from '@server/db/mail-tables';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';

export type Suppression = { address: string; reason: 'unsubscribed' | 'bounced'; at: string };

/** The suppressed ones among these addresses (lower case), by address. */
export async function suppressionsOf(db: Db, addresses: string[]): Promise<Map<string, Suppression>> {
  const found = new Map<string, Suppression>();
  const unique = [...new Set(addresses)];
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await db.selectFrom('email_suppressions').selectAll().where('address_norm', 'in', unique.slice(start, start + 500)).execute();
    for (const row of rows) found.set(row.address_norm, { address: row.address_norm, reason: row.reason, at: row.at });
  }
  return found;
}

/**
 * Stops bulk mail to an address and writes why in its history. An unsubscribe replaces a bounce
 * (the person said so); a bounce never replaces an unsubscribe. Idempotent: a second unsubscribe
 * writes nothing.
 */
export async function suppress(db: Db, address: string, reason: 'unsubscribed' | 'bounced', messageId: string | null, actorId: string | null): Promise<boolean> {
  const at = nowIso();
  const current = await db.selectFrom('email_suppressions').select('reason').where('address_norm', '=', address).executeTakeFirst();
  if (current && (current.reason === reason || current.reason === 'unsubscribed')) return false;
  if (current) await db.updateTable('email_suppressions').set({ reason, at, message_id: messageId }).where('address_norm', '=', address).execute();
  else await db.insertInto('email_suppressions').values({ address_norm: address, reason, at, message_id: messageId }).onConflict((oc) => oc.column('address_norm').doNothing()).execute();
  await db.insertInto('email_suppression_events').values({ id: newId(), address_norm: address, action: reason, actor_id: actorId, message_id: messageId, note: null, at }).execute();
  return true;
}

/** An admin lets bulk mail reach the address again; the history keeps who and why. */
export async function unsuppress(db: Db, address: string, actorId: string, note: string | null): Promise<boolean> {
  const removed = await db.deleteFrom('email_suppressions').where('address_norm', '=', address).executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) return false;
  await db.insertInto('email_suppression_events').values({ id: newId(), address_norm: address, action: 'resubscribed', actor_id: actorId, message_id: null, note, at: nowIso() }).execute();
  return true;
}

export async function suppressionHistory(db: Db, addresses: string[]): Promise<Array<EmailSuppressionEventRow & { actor_name: string | null }>> {
  if (addresses.length === 0) return [];
  return db
    .selectFrom('email_suppression_events')
    .leftJoin('users', 'users.id', 'email_suppression_events.actor_id')
    .selectAll('email_suppression_events')
    .select('users.name as actor_name')
    .where('email_suppression_events.address_norm', 'in', addresses)
    .orderBy('email_suppression_events.at')
    .orderBy('email_suppression_events.id')
    .execute();
}
