import http from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { Language, Problem } from '@contract/common';
import { fieldIssues } from '@contract/validation';
import { constraintError } from '@server/db/errors';
import { AppError, errorStatus, type ErrorCode, type FieldError } from '@server/lib/errors';
import { errorMessage, errorTitles, fieldMessage } from '@server/lib/messages';
import { languageFromHeader } from './request-context';
import { apiHeaders } from './security';

const isFastifyError = (error: unknown): error is FastifyError =>
  error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number';

/** Fastify's own client errors (bad JSON, wrong content type, too large) mapped to our codes. */
function codeOfFastifyError(error: FastifyError): ErrorCode | null {
  if (error.statusCode === 413) return 'payload_too_large';
  if (error.statusCode === 415) return 'unsupported_media_type';
  if (error.statusCode === 429) return 'too_many_attempts';
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return 'validation_failed';
  return null;
}

/** The problem+json body of an error, in a language. */
export function problemOf(language: Language, code: ErrorCode, fields: FieldError[] = [], params: Record<string, unknown> = {}): Problem {
  const status = errorStatus[code];
  return {
    type: `https://cartera.dev/problems/${code}`,
    title: errorTitles[language][status] ?? String(status),
    status,
    code,
    detail: errorMessage(language, code, params),
    ...(fields.length > 0
      ? { errors: fields.map((f) => ({ field: f.field, code: f.code, message: fieldMessage(language, f.code, f.params) })) }
      : {}),
  };
}

/** Sends an error as problem+json in the request's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, fields: FieldError[] = [], params: Record<string, unknown> = {}) {
  return reply.code(errorStatus[code]).type('application/problem+json').send(problemOf(request.language, code, fields, params));
}

/** Every error leaves as problem+json with a stable code and a translated message; no stack ever. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error.code, error.fields, error.params);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = error.validationContext && error.validationContext !== 'body' ? `${error.validationContext}.` : '';
      const fields = error.validation.flatMap((v) =>
        fieldIssues({ code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '', params: v.params })
          .map((issue) => ({ field: prefix + issue.field, code: issue.code, params: issue.params })));
      return sendProblem(request, reply, 'validation_failed', fields);
    }
    if (error instanceof ZodError) {
      const fields = error.issues.flatMap((issue) =>
        fieldIssues({ code: issue.code, path: issue.path, message: issue.message, params: { ...issue } })
          .map((mapped) => ({ field: mapped.field, code: mapped.code, params: mapped.params })));
      return sendProblem(request, reply, 'validation_failed', fields);
    }
    const violated = constraintError(error);
    if (violated) return sendProblem(request, reply, violated.code, violated.fields, violated.params);
    const code = isFastifyError(error) ? codeOfFastifyError(error) : null;
    if (code) return sendProblem(request, reply, code);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'internal');
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 'not_found'));
}

/** What the router refuses before any hook runs, by Fastify's code. */
const routerCodes: Record<string, ErrorCode> = { FST_ERR_BAD_URL: 'malformed_url', FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long' };

/**
 * Fastify's `frameworkErrors`: a malformed %-escape (`/accounts/%ZZ`) or a path parameter past
 * `maxParamLength` is refused by the router itself, before the hooks that pick the language and
 * set the headers; this answers them as every other error is answered.
 */
export function routerErrors(languageOf: (request: FastifyRequest) => Promise<Language>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    void languageOf(request).then((language) => {
      request.language = language;
      reply.headers(apiHeaders);
      return sendProblem(request, reply, routerCodes[error.code] ?? 'bad_request');
    });
  };
}

/** The request line alone is past the header limit: the URL is what is too long. */
const requestLineTooLong = (raw: string): boolean => {
  const end = raw.indexOf('\r\n');
  return end === -1 || end > 8 * 1024;
};

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request at
 * all (a URL or headers past the 16 KB limit, a request that never finishes, bytes that are not
 * HTTP). Written straight to the socket, as problem+json in the language its headers ask for.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // Typed as a JSON'd buffer by Fastify; Node hands over the bytes themselves.
  const packet: unknown = error.rawPacket;
  const raw = Buffer.isBuffer(packet) ? packet.toString('latin1') : '';
  const code: ErrorCode = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout'
    : error.code === 'HPE_HEADER_OVERFLOW' ? (requestLineTooLong(raw) ? 'uri_too_long' : 'headers_too_large')
      : 'bad_request';
  const status = errorStatus[code];
  const body = JSON.stringify(problemOf(languageFromHeader(/^accept-language:[ \t]*([^\r\n]*)/im.exec(raw)?.[1]), code));
  if (socket.writable) {
    const headers = Object.entries(apiHeaders).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}Connection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
