import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, test } from 'vitest';
import { documentedResponses } from './documented-responses';
import { responseSerializerCompiler } from './response-serializer';

/**
 * The check that turns an undocumented status into a 500 is for the test suites only: with
 * `check` off (CARTERA_CHECK_RESPONSES unset, as in production) every answer leaves as the route
 * gave it.
 */

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

async function appWith(check: boolean): Promise<FastifyInstance> {
  app = Fastify();
  app.setSerializerCompiler(responseSerializerCompiler(check));
  await app.register(documentedResponses, { check });
  // 418 is documented nowhere; 404 is a common refusal of every private route.
  app.get('/teapot', async (_request, reply) => reply.code(418).send({ code: 'teapot' }));
  app.get('/missing', async (_request, reply) => reply.code(404).send({ code: 'not_found' }));
  await app.ready();
  return app;
}

describe('answers whose status the route does not document', () => {
  test('in the test suites they become a 500 naming the route and the status', async () => {
    const checked = await appWith(true);
    const teapot = await checked.inject({ method: 'GET', url: '/teapot' });
    expect(teapot.statusCode).toBe(500);
    expect(teapot.json<{ detail: string }>().detail).toBe('GET /teapot answered 418, which its OpenAPI responses do not list');
    expect((await checked.inject({ method: 'GET', url: '/missing' })).statusCode).toBe(404);
  });

  test('without the check (production) they leave unchanged', async () => {
    const unchecked = await appWith(false);
    const teapot = await unchecked.inject({ method: 'GET', url: '/teapot' });
    expect(teapot.statusCode).toBe(418);
    expect(teapot.json()).toEqual({ code: 'teapot' });
  });
});
