import type { Db } from '@server/db/database';
import { newId } from '@server/lib/ids';
import { addMinutes, nowIso } from '@server/lib/time';

// Failed logins are counted in the database, so every app process enforces the same limit.
const windowMinutes = 15;
const perEmail = 10;
const perAddress = 50;

const keys = (email: string, ip: string) => ({ email: `email:${email}`, ip: `ip:${ip}` });

/** True when this e-mail or address has failed too often in the last window. */
export async function isThrottled(db: Db, email: string, ip: string): Promise<boolean> {
  const since = addMinutes(nowIso(), -windowMinutes);
  const k = keys(email, ip);
  const rows = await db
    .selectFrom('login_attempts')
    .select(['key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key', 'in', [k.email, k.ip])
    .where('at', '>', since)
    .groupBy('key')
    .execute();
  const count = (key: string) => Number(rows.find((row) => row.key === key)?.n ?? 0);
  return count(k.email) >= perEmail || count(k.ip) >= perAddress;
}

export async function recordFailure(db: Db, email: string, ip: string): Promise<void> {
  const at = nowIso();
  const k = keys(email, ip);
  await db
    .insertInto('login_attempts')
    .values([
      { id: newId(), key: k.email, at },
      { id: newId(), key: k.ip, at },
    ])
    .execute();
}

/** A successful login clears the e-mail's failures and old rows of every key. */
export async function clearFailures(db: Db, email: string): Promise<void> {
  const since = addMinutes(nowIso(), -windowMinutes);
  await db
    .deleteFrom('login_attempts')
    .where((eb) => eb.or([eb('key', '=', keys(email, '').email), eb('at', '<=', since)]))
    .execute();
}
