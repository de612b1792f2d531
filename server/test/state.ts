import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Problem } from '@contract/common';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { isPostgres, type Db } from '@server/db/database';

/** What a refused write must leave untouched: the row, its owners and its contacts. */
export type AccountState = {
  version: number;
  name: string;
  discardedAt: string | null;
  ownerIds: string[];
  contacts: number;
  exists: boolean;
};

/** Reads an account's state straight from the database, past every policy. */
export async function accountState(db: Db, id: string): Promise<AccountState> {
  const row = await db.selectFrom('accounts').select(['version', 'name', 'discarded_at']).where('id', '=', id).executeTakeFirst();
  const owners = await db.selectFrom('account_owners').select('user_id').where('account_id', '=', id).execute();
  const contacts = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('person_id', '=', id), eb('organization_id', '=', id)]))
    .executeTakeFirstOrThrow();
  return {
    version: row?.version ?? 0,
    name: row?.name ?? '',
    discardedAt: row?.discarded_at ?? null,
    ownerIds: owners.map((owner) => owner.user_id).sort(),
    contacts: Number(contacts.n),
    exists: row !== undefined,
  };
}

export async function countRows(db: Db, table: 'accounts' | 'users' | 'teams' | 'contacts' | 'sessions' | 'audit_log' | 'login_throttle'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Asserts a problem+json answer with this status and code, and returns it for further checks. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string): Problem {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json<Problem>();
  expect({ status: response.statusCode, code: problem.code }).toEqual({ status, code });
  expect(problem.status).toBe(status);
  expect(response.body).not.toMatch(/\n\s+at\s|stack/i);
  return problem;
}

/** Asserts a successful answer with this status (the body shows on failure) and returns its JSON. */
export function expectOk<T>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

export const uniqueWord = (prefix: string): string => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

/**
 * Every table of the database under test, each as a hash of its rows in a stable order: two
 * snapshots are equal when nothing was written anywhere. Only this test's own schema on PostgreSQL.
 */
export async function tableSnapshot(db: Db): Promise<Record<string, string>> {
  const tables = isPostgres(db)
    ? await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const snapshot: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    const lines = rows.rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).sort();
    snapshot[name] = `${lines.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return snapshot;
}
