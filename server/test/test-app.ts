import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Account, AccountCreate } from '@contract/accounts';
import { csrfHeader } from '@contract/auth';
import type { User, UserCreate } from '@contract/users';
import { buildApp } from '@server/app';
import { loadConfig } from '@server/config';
import type { Db } from '@server/db/database';
import type { ConnectOptions, Dialect } from '@server/db/connect';
import { createUser } from '@server/modules/users/users.service';
import { freshDatabase } from './test-db';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in user talking to the app through inject, cookie and CSRF token included. */
export type Client = {
  user: User;
  request: (method: Method, url: string, body?: object, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: object) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: object) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: object) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
};

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  dialect: Dialect;
  /** How to open this app's database from another process (a test that kills a worker). */
  database: ConnectOptions;
  /** The data dir of this app (uploads live under it); removed on close. */
  dataDir: string;
  /** Where this app stores uploaded files (CARTERA_DATA_DIR/files). */
  filesDir: string;
  /** Creates a user directly and returns a client signed in as them. */
  user: (input?: Partial<UserCreate>) => Promise<Client>;
  /** Signs in as an existing user through the login endpoint. */
  login: (email: string, password: string) => Promise<Client>;
  /** An account created through the API by the given client. */
  account: (client: Client, input?: Partial<AccountCreate>) => Promise<Account>;
  close: () => Promise<void>;
};

export const testPassword = 'correct-horse-battery';
let counter = 0;

/** A fresh app on a fresh database of the dialect under test. */
export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const handle = await freshDatabase();
  // Uploaded files go to a directory of this test app's own, removed on close.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-files-'));
  const config = { ...loadConfig({ LOG_LEVEL: process.env.CARTERA_TEST_LOG_LEVEL ?? 'silent', CARTERA_DATA_DIR: dataDir, CARTERA_CHECK_RESPONSES: 'true', ...env }), webDistDir: null };
  const app = await buildApp(config, handle);
  await app.ready();

  const login = async (email: string, password: string): Promise<Client> => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
    const me: { id: string; csrfToken: string } = response.json();
    const cookie = response.cookies.find((c) => c.name === 'cartera_session');
    if (!cookie) throw new Error('no session cookie');
    const user = await handle.db.selectFrom('users').selectAll().where('id', '=', me.id).executeTakeFirstOrThrow();
    const request: Client['request'] = (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        cookies: { cartera_session: cookie.value },
        headers: { [csrfHeader]: me.csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body }),
      });
    return {
      user: { id: user.id, email: user.email, name: user.name, role: user.role, scope: user.scope, teamId: user.team_id, crmManager: user.crm_manager, language: user.language, active: user.active, createdAt: user.created_at, version: user.version },
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
      patch: (url, body) => request('PATCH', url, body ?? {}),
      put: (url, body) => request('PUT', url, body ?? {}),
      delete: (url) => request('DELETE', url),
    };
  };

  const user = async (input: Partial<UserCreate> = {}): Promise<Client> => {
    counter += 1;
    const email = input.email ?? `user${counter}-${Math.random().toString(36).slice(2, 7)}@example.com`;
    await createUser(handle.db, null, { name: `User ${counter}`, role: 'agent', scope: 'own', language: 'en', ...input, email, password: testPassword });
    return login(email, testPassword);
  };

  const account = async (client: Client, input: Partial<AccountCreate> = {}): Promise<Account> => {
    counter += 1;
    const body = input.kind === 'person'
      ? { firstName: `Person${counter}`, ...input }
      : { kind: 'organization', name: `Org ${counter}`, ...input };
    const response = await client.post('/api/v1/accounts', body);
    if (response.statusCode !== 201) throw new Error(`account create failed: ${response.statusCode} ${response.body}`);
    return response.json();
  };

  const close = async () => {
    await app.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, db: handle.db, dialect: handle.dialect, database: handle.options, dataDir, filesDir: path.join(dataDir, 'files'), user, login, account, close };
}
