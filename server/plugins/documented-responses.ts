import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { problemSchema } from '@contract/common';

/**
 * The OpenAPI document says what each route answers, refusals included: the refusals every route
 * of its kind can give are added here in one place (a route adds only its own, such as 422 or 429,
 * with `problems(…)`), and in the test suites (`checkResponses`) an answer whose status the route
 * does not document fails the test that caused it.
 */

const descriptions: Record<number, string> = {
  400: 'Invalid input (validation_failed names each field), a bad cursor or a malformed path.',
  401: 'No live session (or, at login, wrong credentials).',
  403: 'The CSRF header is missing or wrong, or the actor may not do this.',
  404: 'Not found, or not visible to the actor (hidden and missing look alike).',
  409: 'Conflicts with the current state or with a simultaneous write.',
  412: 'The version sent is not the current one (stale_version).',
  413: 'The body or file is too large.',
  415: 'The content type is not one this route reads.',
  422: 'Valid, but the change is not allowed as asked.',
  429: 'Too many attempts or over a quota; Retry-After says when to try again.',
  503: 'An outside service Cartera depends on is unavailable.',
};

type Response = { description: string; content: Record<string, { schema: z.ZodType }> };
const problem = (status: number): Response => ({
  description: descriptions[status] ?? 'Refused (problem+json).',
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** A route's own refusals beyond the common ones, for its `response` map: `{ 200: x, ...problems(422) }`. */
export function problems(...statuses: number[]): Record<number, Response> {
  return Object.fromEntries(statuses.map((status) => [status, problem(status)]));
}

/**
 * Declares an answer without a body (`reply.code(204).send()`), so the document says 204, not 200.
 * Void, so `send()` takes no argument; the document drops the body of every 204 (openapi.ts).
 */
export const noContent = z.void().describe('No content');
const anyBody = z.unknown().describe('Success');

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const methodsOf = (route: RouteOptions): string[] => (Array.isArray(route.method) ? route.method : [route.method]);

/** The refusals a route can give by what it is: public or not, a write or not. */
function commonRefusals(route: RouteOptions): number[] {
  const isWrite = methodsOf(route).some((method) => writes.has(method));
  const statuses = [400];
  const isPrivate = route.config?.public !== true;
  if (isPrivate) statuses.push(401, 403, 404);
  if (isWrite) statuses.push(413, 415);
  // A simultaneous write can leave any private write conflicting (409) or stale (412: versioned
  // records, merges and their undo, restores); assigning work (activities, opportunities, quotes,
  // requests, members) refuses a responsible user who cannot see the account (422).
  if (isPrivate && isWrite) statuses.push(409, 412, 422);
  return statuses;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isDocumented = (config: { asset?: boolean } | undefined, schema: object | undefined): boolean =>
  config?.asset !== true && (schema === undefined || Reflect.get(schema, 'hide') !== true);

function documentRefusals(route: RouteOptions): void {
  if (!isDocumented(route.config, route.schema)) return;
  const schema = (route.schema ??= {});
  const response = isRecord(schema.response) ? schema.response : {};
  schema.response = response;
  // A route that declares no success answers 200 with whatever body; one that answers 204 says so (noContent).
  if (!Object.keys(response).some((key) => key.startsWith('2'))) response[200] = anyBody;
  for (const status of commonRefusals(route)) response[status] ??= problem(status);
}

/** Whether a status is among a response map's keys ("204", or a range such as "4XX"). */
const listed = (response: Record<string, unknown>, status: number): boolean =>
  String(status) in response || `${String(status)[0]}xx` in response || `${String(status)[0]}XX` in response;

export const documentedResponses = fp(async (app: FastifyInstance, options: { check: boolean }) => {
  app.addHook('onRoute', documentRefusals);
  if (!options.check) return;
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions;
    if (request.is404 || reply.statusCode >= 500 || !isDocumented(route.config, route.schema)) return payload;
    const response = route.schema?.response;
    if (isRecord(response) && listed(response, reply.statusCode)) return payload;
    // A 500 the test that caused it cannot miss (a thrown error here would keep the status).
    const detail = `${request.method} ${route.url ?? ''} answered ${reply.statusCode}, which its OpenAPI responses do not list`;
    request.log.error(detail);
    reply.code(500).type('application/problem+json');
    return JSON.stringify({ type: 'https://cartera.dev/problems/internal', title: 'Undocumented status', status: 500, code: 'internal', detail });
  });
});
