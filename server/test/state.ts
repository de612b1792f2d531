import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Problem } from '@contract/common';
import type { Db } from '@server/db/database';

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
