import { Stream } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type FieldError } from '@server/lib/errors';
import { isUnsafeText } from '@server/lib/safe-text';

/** Field errors reported at most: one is enough to act on, and a hostile body may hold thousands. */
const maxReported = 20;

/** A key as it is named in an error: its unsafe characters made visible, never echoed raw. */
const shownKey = (key: string): string => (isUnsafeText(key) ? key.replace(/[\u0000-\u001F\uD800-\uDFFF]/g, '\uFFFD') : key);

/**
 * Every unsafe string (value or key) in a parsed body, query or params, by its field path. Walked
 * with a stack, not recursion: JSON.parse takes nesting far deeper than a call stack does.
 */
export function unsafeFields(root: unknown, prefix: string): FieldError[] {
  const found: FieldError[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: prefix }];
  const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  while (stack.length > 0 && found.length < maxReported) {
    const next = stack.pop();
    if (next === undefined) break;
    const { value, path } = next;
    if (typeof value === 'string') {
      if (isUnsafeText(value)) found.push({ field: path === '' ? 'body' : path, code: 'invalid_characters' });
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => stack.push({ value: item, path: join(path, String(index)) }));
    } else if (value instanceof Stream || ArrayBuffer.isView(value)) {
      // An upload's raw body: its route reads it as a file, not as fields.
      continue;
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const field = join(path, shownKey(key));
        if (isUnsafeText(key)) found.push({ field, code: 'invalid_characters' });
        stack.push({ value: item, path: field });
      }
    }
  }
  return found.reverse();
}

function checkRequest(request: FastifyRequest): void {
  const fields = [...unsafeFields(request.params, 'params'), ...unsafeFields(request.query, 'querystring'), ...unsafeFields(request.body, '')];
  if (fields.length > 0) throw new AppError('validation_failed', { fields: fields.slice(0, maxReported) });
}

/**
 * One rule for every route, before its schema runs: no string a client sends (body, query string,
 * path parameters, login included) may hold a control character other than tab, newline and CR,
 * or a lone surrogate (see lib/safe-text.ts). Such input answers 400 validation_failed naming the
 * field, the same on SQLite and PostgreSQL, and reaches no database.
 */
export const hostileInput = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => checkRequest(request));
});
