import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer';

const schema = z.object({ id: z.string(), name: z.string().nullable(), tags: z.array(z.object({ id: z.string() })) });

/** An app whose handler returns `body` as it is: what a presenter with a bug would hand over. */
function appReturning(check: boolean, body: unknown) {
  // No type provider: the handler may return anything, as a buggy presenter could.
  const app = Fastify({ logger: false });
  app.setSerializerCompiler(responseSerializerCompiler(check));
  app.get('/thing', { schema: { response: { 200: schema } } }, () => body);
  return app;
}

describe('response serializer', () => {
  const valid = { id: 'a', name: null, tags: [{ id: 't' }] };

  test.each([true, false])('sends a response that fits its contract as it is (check %s)', async (check) => {
    const app = appReturning(check, valid);
    const response = await app.inject({ method: 'GET', url: '/thing' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(valid);
  });

  test.each([
    ['a field the contract does not declare', { ...valid, passwordHash: 'x' }],
    ['a nested field the contract does not declare', { ...valid, tags: [{ id: 't', secret: 1 }] }],
    ['a value of another type', { ...valid, name: 42 }],
  ])('under check, %s fails the request instead of being dropped', async (_label, body) => {
    const app = appReturning(true, body);
    const response = await app.inject({ method: 'GET', url: '/thing' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('passwordHash');
  });
});
