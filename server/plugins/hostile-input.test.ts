import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { JobWorker } from '@server/jobs/worker';
import type { Schema } from '@server/test/hostile-arbitraries';
import { buildWorld, type Session, type World } from '@server/test/api-world';
import { countRows, expectProblem } from '@server/test/state';

/**
 * What a client may not put in text (NUL, other control characters but tab, newline and CR, lone
 * surrogates) and in list cursors (values that do not fit the sort's columns): a 400 naming the
 * field, in the caller's language, the same on SQLite and PostgreSQL, and nothing written.
 */
let world: World;
let admin: Session;
let agent: Session;

beforeAll(async () => {
  world = await buildWorld();
  [admin, agent] = [sessionNamed('admin'), sessionNamed('agent')];
});
afterAll(async () => world.t.close());

function sessionNamed(name: Session['name']): Session {
  const found = world.sessions.find((session) => session.name === name);
  if (!found) throw new Error(`no ${name} session`);
  return found;
}

const json = (value: unknown) => ({ payload: JSON.stringify(value), contentType: 'application/json' });

/** The field errors of a 400 validation_failed answer, as field → code. */
function fieldErrors(response: LightMyRequestResponse): Array<{ field: string; code: string }> {
  const problem = expectProblem(response, 400, 'validation_failed');
  return (problem.errors ?? []).map(({ field, code }) => ({ field, code }));
}

describe('control characters and lone surrogates in text', () => {
  test.each([
    ['a tag name', 'POST', '/api/v1/tags', { name: 'a\u0000b' }, 'name'],
    ['an account name', 'POST', '/api/v1/accounts', { kind: 'organization', name: 'Acme\u0000 SA' }, 'name'],
    ['a nested address', 'POST', '/api/v1/accounts', { kind: 'organization', name: 'Acme', addresses: { visit: { city: 'Li\u0000ma' } } }, 'addresses.visit.city'],
    ['an e-mail in a list', 'POST', '/api/v1/accounts', { kind: 'organization', name: 'Acme', emails: ['ok@example.com', 'x\u0000@example.com'] }, 'emails.1'],
    ['an escape character', 'POST', '/api/v1/tags', { name: 'rojo\u001b[31m' }, 'name'],
    ['a lone surrogate', 'POST', '/api/v1/tags', { name: 'x\ud800' }, 'name'],
  ])('%s: 400 naming the field, nothing written', async (_label, method, url, body, field) => {
    const before = { accounts: await countRows(world.t.db, 'accounts'), audit: await countRows(world.t.db, 'audit_log') };
    expect(fieldErrors(await world.send(admin, method, url, json(body)))).toEqual([{ field, code: 'invalid_characters' }]);
    expect({ accounts: await countRows(world.t.db, 'accounts'), audit: await countRows(world.t.db, 'audit_log') }).toEqual(before);
  });

  test('in the query string and the path', async () => {
    expect(fieldErrors(await world.send(admin, 'GET', '/api/v1/accounts?city=a%00b'))).toEqual([{ field: 'querystring.city', code: 'invalid_characters' }]);
    expect(fieldErrors(await world.send(admin, 'GET', '/api/v1/users?q=a%00b'))).toEqual([{ field: 'querystring.q', code: 'invalid_characters' }]);
    expect(fieldErrors(await world.send(admin, 'GET', '/api/v1/lists/a%00b/items'))).toEqual([{ field: 'params.key', code: 'invalid_characters' }]);
  });

  test('at login, before any password is checked or attempt counted, in the language asked for', async () => {
    const attempts = await countRows(world.t.db, 'login_throttle');
    const login = (language: string) => world.t.app.inject({
      method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': language }, payload: { email: 'ana\u0000@example.com', password: 'whatever-it-is' },
    });
    const english = expectProblem(await login('en'), 400, 'validation_failed');
    const spanish = expectProblem(await login('es'), 400, 'validation_failed');
    expect(english.errors).toEqual([{ field: 'email', code: 'invalid_characters', message: 'Contains characters that are not accepted (control characters or badly encoded text).' }]);
    expect(spanish.errors).toEqual([{ field: 'email', code: 'invalid_characters', message: 'Contiene caracteres no admitidos (caracteres de control o texto mal codificado).' }]);
    expect(await countRows(world.t.db, 'login_throttle')).toBe(attempts);
  });

  test('tab, newline and carriage return are text, and so are emoji, bidi marks and SQL', async () => {
    const notes = 'Línea 1\r\n\tLínea 2 👩‍👩‍👧‍👦 \u202Eevil\u202C \'; drop table accounts; --';
    const created = await world.send(admin, 'POST', '/api/v1/accounts', json({ kind: 'organization', name: 'Texto raro SA', notes }));
    expect(created.statusCode).toBe(201);
    expect(z.object({ notes: z.string() }).parse(created.json()).notes).toBe(notes);
  });

  test('every string of every route: body, query and path, for anyone who sends it', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const check = async (session: Session, method: string, url: string, field: string, body?: unknown) => {
      const response = await world.send(session, method, url, body === undefined ? undefined : json(body));
      const errors = response.statusCode === 400 ? fieldErrors(response) : [];
      checked += 1;
      if (!errors.some((error) => error.field === field && error.code === 'invalid_characters')) wrong.push(`${method} ${url} ${field} → ${response.statusCode} ${response.body.slice(0, 160)}`);
    };
    for (const operation of world.routes) {
      const path = world.realPath(operation);
      for (const field of stringFields(operation.body)) await check(admin, operation.method, path, field, bodyWith(field, 'a\u0000b'));
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        await check(agent, operation.method, `${path}?${parameter.name}=a%00b`, `querystring.${parameter.name}`);
      }
      for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
        // As the agent: an anonymous caller is refused (401) before any of its input is read.
        await check(agent, operation.method, operation.path.replace(`{${parameter.name}}`, 'a%00b').replace(/\{(\w+)\}/g, (_, name: string) => world.realIds(operation, name)[0] ?? 'x'), `params.${parameter.name}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });
});

describe('numbers where whole numbers belong', () => {
  test('every number field and parameter of every route: out of range, fractional or huge is a 4xx, never a 5xx', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const check = async (method: string, url: string, body?: string) => {
      const response = await world.send(admin, method, url, body === undefined ? undefined : { payload: body, contentType: 'application/json' });
      checked += 1;
      const problem = response.statusCode >= 400 && /^application\/problem\+json/.test(String(response.headers['content-type']));
      if (response.statusCode >= 500 || (response.statusCode >= 400 && !problem)) wrong.push(`${method} ${url} ${body ?? ''} → ${response.statusCode} ${response.body.slice(0, 160)}`);
    };
    // PostgreSQL's integer is 32 bits: 2^31 compared with a version column fails there while SQLite just finds no row.
    const numbers = ['2147483648', '-2147483649', '9007199254740991', '1.5', '-0', '1e308', '1e400', '123456789012345678901234567890'];
    for (const operation of world.routes.filter((route) => route.path !== '/api/v1/auth/logout')) {
      const path = world.realPath(operation);
      for (const field of numberFields(operation.body)) {
        for (const number of numbers) await check(operation.method, path, JSON.stringify(bodyWith(field, 'NUMBER')).replace('"NUMBER"', number));
      }
      for (const parameter of operation.parameters.filter((p) => p.in === 'query' && numberFields(p.schema, [p.name]).length > 0)) {
        for (const number of numbers) await check(operation.method, `${path}?${parameter.name}=${number}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

describe('forged list cursors', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const isoLike = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value);

  test('every list: a real cursor pages on; one with a value that does not fit its column is 400 bad_cursor', async () => {
    const lists = world.routes.filter((operation) => operation.method === 'GET' && world.pools(operation.path).cursors.length > 0);
    // The lists of the issue, and every other list, have a second page to forge from.
    expect(lists.map((operation) => operation.path)).toEqual(expect.arrayContaining(['/api/v1/bin', '/api/v1/imports', '/api/v1/requests', '/api/v1/activities', '/api/v1/tags', '/api/v1/saved-views']));
    const wrong: string[] = [];
    for (const operation of lists) {
      const [cursor] = world.pools(operation.path).cursors;
      const url = (value: string) => `${world.realPath(operation)}?limit=1&cursor=${value}`;
      if ((await world.send(admin, 'GET', url(cursor ?? ''))).statusCode !== 200) wrong.push(`${operation.path}: the real cursor was refused`);
      const parts = z.array(z.unknown()).parse(JSON.parse(Buffer.from(cursor ?? '', 'base64url').toString('utf8')));
      for (const [index, value] of parts.entries()) {
        if (index < 2) continue;
        const forged: unknown[] = ['a\u0000b', 1.5, 1e308, null, '\ud800', ...(isoLike(value) ? ['2026-02-31T00:00:00.000Z', 'yesterday', '0000-01-01T00:00:00.000Z'] : [])];
        for (const replacement of forged) {
          const response = await world.send(admin, 'GET', url(b64(parts.map((part, at) => (at === index ? replacement : part)))));
          if (response.statusCode !== 400 || response.json<{ code: string }>().code !== 'bad_cursor') wrong.push(`${operation.path} [${index}] = ${JSON.stringify(replacement)} → ${response.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the refusal is in the caller\'s language', async () => {
    const forged = b64(['name', 2, 'a\u0000b', 'x']);
    const spanish = expectProblem(await world.send(admin, 'GET', `/api/v1/tags?cursor=${forged}`), 400, 'bad_cursor');
    const english = expectProblem(await world.send(agent, 'GET', `/api/v1/tags?cursor=${forged}`), 400, 'bad_cursor');
    expect([spanish.detail, english.detail]).toEqual(['El cursor de paginación no es válido; vuelve a la primera página.', 'The page cursor is not valid; go back to the first page.']);
  });
});

describe('imported files', () => {
  test('a cell with NUL fails its row, the way a bad e-mail does; the other rows are imported', async () => {
    const upload = await world.send(admin, 'POST', '/api/v1/imports?fileName=nul.csv&kind=organization', { payload: 'name,city\nAc\u0000me,Lima\nLimpia SA,Li\u0001ma\nSana SA,Lima\n', contentType: 'text/csv' });
    expect(upload.statusCode).toBe(201);
    const draft = z.object({ id: z.string(), mapping: z.unknown(), rules: z.unknown() }).parse(upload.json());
    const worker = new JobWorker(world.t.db, world.t.dialect, { pollMs: 10 });
    try {
      expect((await world.send(admin, 'POST', `/api/v1/imports/${draft.id}/run`, json({ mapping: draft.mapping, rules: draft.rules }))).statusCode).toBe(200);
      await worker.drain();
    } finally {
      await worker.stop();
    }
    const done = z.object({ status: z.string(), created: z.number(), failed: z.number() }).parse((await world.send(admin, 'GET', `/api/v1/imports/${draft.id}`)).json());
    expect(done).toEqual({ status: 'done', created: 1, failed: 2 });
    const names = await world.t.db.selectFrom('accounts').select('name').where('name', 'in', ['Sana SA', 'Limpia SA']).execute();
    expect(names.map((row) => row.name)).toEqual(['Sana SA']);
  });
});

describe('multipart uploads', () => {
  test('the file name loses its control characters and other form fields are never read', async () => {
    const account = world.realIds({ method: 'GET', path: '/api/v1/accounts/{id}', parameters: [], body: null }, 'id')[0] ?? '';
    const boundary = '----cartera-hostile';
    const part = (head: string, content: string) => `--${boundary}\r\n${head}\r\n\r\n${content}\r\n`;
    const payload = Buffer.from(
      part('Content-Disposition: form-data; name="note"', 'a\u0000b')
        + part('Content-Disposition: form-data; name="file"; filename="in\u0001forme\u0000.txt"\r\nContent-Type: text/plain', 'hola')
        + `--${boundary}--\r\n`,
      'utf8',
    );
    const response = await world.send(admin, 'POST', `/api/v1/accounts/${account}/documents`, { payload, contentType: `multipart/form-data; boundary=${boundary}` });
    expect(response.statusCode).toBe(201);
    expect(z.object({ name: z.string() }).parse(response.json()).name).toBe('informe.txt');
  });
});

/** Every string property of a body schema (nested objects and first array items), by field path. */
function stringFields(schema: Schema | null, path: string[] = [], depth = 0): string[] {
  if (!schema || depth > 5) return [];
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (branches) return [...new Set(branches.flatMap((branch) => stringFields(branch, path, depth + 1)))];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('string') && path.length > 0) return [path.join('.')];
  if (types.includes('array') && schema.items) return stringFields(schema.items, [...path, '0'], depth + 1);
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => stringFields(property, [...path, key], depth + 1));
}

/** Every number property of a body schema, by field path. */
function numberFields(schema: Schema | null, path: string[] = [], depth = 0): string[] {
  if (!schema || depth > 5) return [];
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (branches) return [...new Set(branches.flatMap((branch) => numberFields(branch, path, depth + 1)))];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if ((types.includes('integer') || types.includes('number')) && path.length > 0) return [path.join('.')];
  if (types.includes('array') && schema.items) return numberFields(schema.items, [...path, '0'], depth + 1);
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => numberFields(property, [...path, key], depth + 1));
}

/** A body holding `value` at a field path ("addresses.visit.city", "emails.0"). */
function bodyWith(field: string, value: string): unknown {
  return field.split('.').reduceRight<unknown>((inner, key) => (/^\d+$/.test(key) ? [inner] : { [key]: inner }), value);
}
