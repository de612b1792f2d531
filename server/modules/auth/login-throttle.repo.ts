import { isPostgres, type Db } from '@server/db/database';
import { addDays, nowIso } from '@server/lib/time';

// Failed logins are counted in the database, so every app process enforces the same limits.

type Rule = { threshold: number; baseSeconds: number; capSeconds: number };

/**
 * Failures a key allows before it locks; each failure past the threshold doubles the lock, up to
 * the cap. The pair (one address guessing one e-mail) locks first; the e-mail counts guesses
 * from everywhere; the address only stops spraying across many e-mails, and is generous so that
 * one attacked e-mail, or one colleague's typos, never locks out an office behind one NAT.
 */
export const throttleRules = {
  pair: { threshold: 5, baseSeconds: 60, capSeconds: 3600 },
  email: { threshold: 10, baseSeconds: 60, capSeconds: 3600 },
  address: { threshold: 50, baseSeconds: 60, capSeconds: 3600 },
} satisfies Record<string, Rule>;

type Kind = keyof typeof throttleRules;

/** A day without attempts forgives a key's failures. */
const forgetAfterDays = 1;
/** An address where an e-mail signed in stays trusted for it this long after the last success. */
const trustDays = 30;

export type LoginSlot = { email: string; address: string; keys: Array<{ kind: Kind; key: string }> };
export type SlotRefused = { retryAfterSeconds: number };

const pairOf = (email: string, address: string) => `${address}|${email}`;
const keyOf = (kind: Kind, email: string, address: string): string =>
  kind === 'pair' ? `pair:${pairOf(email, address)}` : kind === 'email' ? `email:${email}` : `address:${address}`;

const lockSeconds = (rule: Rule, failures: number): number =>
  failures < rule.threshold ? 0 : Math.min(rule.capSeconds, rule.baseSeconds * 2 ** (failures - rule.threshold));

async function isTrusted(db: Db, email: string, address: string): Promise<boolean> {
  const row = await db
    .selectFrom('login_trusted')
    .select('key')
    .where('key', '=', pairOf(email, address))
    .where('last_success_at', '>', addDays(nowIso(), -trustDays))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes a slot for one login attempt before its password is checked: counts it as a failure on
 * every key in one transaction that locks the keys' rows (in key order, so two attempts never
 * deadlock), unless a key is locked. Concurrent attempts therefore queue on the counters, and no
 * more of them are checked than the limits allow. A refused attempt counts nothing.
 */
export async function takeLoginSlot(db: Db, email: string, address: string): Promise<LoginSlot | SlotRefused> {
  const kinds: Kind[] = (await isTrusted(db, email, address)) ? ['pair'] : ['pair', 'email', 'address'];
  const keys = kinds.map((kind) => ({ kind, key: keyOf(kind, email, address) })).sort((a, b) => (a.key < b.key ? -1 : 1));
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const at = Date.parse(now);
    await trx
      .insertInto('login_throttle')
      .values(keys.map(({ key }) => ({ key, failures: 0, last_at: now, locked_until: null })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const rows = await trx
      .selectFrom('login_throttle')
      .selectAll()
      .where('key', 'in', keys.map(({ key }) => key))
      .orderBy('key')
      .$if(isPostgres(trx), (query) => query.forUpdate())
      .execute();
    const lockedUntil = Math.max(0, ...rows.map((row) => (row.locked_until ? Date.parse(row.locked_until) : 0)));
    if (lockedUntil > at) return { retryAfterSeconds: Math.ceil((lockedUntil - at) / 1000) };
    const forgetBefore = Date.parse(addDays(now, -forgetAfterDays));
    for (const { kind, key } of keys) {
      const row = rows.find((candidate) => candidate.key === key);
      const failures = (row && Date.parse(row.last_at) >= forgetBefore ? row.failures : 0) + 1;
      const seconds = lockSeconds(throttleRules[kind], failures);
      const locked = seconds > 0 ? new Date(at + seconds * 1000).toISOString() : null;
      await trx.updateTable('login_throttle').set({ failures, last_at: now, locked_until: locked }).where('key', '=', key).execute();
    }
    return { email, address, keys };
  });
}

/**
 * The slot's password was right: the e-mail's failures are forgiven (from everywhere), the
 * address gets its slot back, and the address becomes trusted for this e-mail. One statement at
 * a time, so this never holds two counters locked (no deadlock with takeLoginSlot).
 */
export async function releaseLoginSlot(db: Db, slot: LoginSlot): Promise<void> {
  const now = nowIso();
  const address = slot.keys.find((entry) => entry.kind === 'address');
  if (address) {
    await db
      .updateTable('login_throttle')
      .set((eb) => ({ failures: eb('failures', '-', 1) }))
      .where('key', '=', address.key)
      .where('failures', '>', 0)
      .execute();
  }
  for (const kind of ['email', 'pair'] as const) {
    await db.deleteFrom('login_throttle').where('key', '=', keyOf(kind, slot.email, slot.address)).execute();
  }
  await db
    .insertInto('login_trusted')
    .values({ key: pairOf(slot.email, slot.address), last_success_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ last_success_at: now }))
    .execute();
  // Old rows go here, where a request is already paying for a login.
  await db
    .deleteFrom('login_throttle')
    .where('last_at', '<', addDays(now, -forgetAfterDays))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
  await db.deleteFrom('login_trusted').where('last_success_at', '<', addDays(now, -trustDays)).execute();
}
