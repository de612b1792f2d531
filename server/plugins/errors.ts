import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { Problem } from '@contract/common';
import { fieldIssue } from '@contract/validation';
import { constraintError } from '@server/db/errors';
import { AppError, errorStatus, type ErrorCode, type FieldError } from '@server/lib/errors';
import { errorMessage, errorTitles, fieldMessage } from '@server/lib/messages';

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

function send(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, fields: FieldError[] = [], params: Record<string, unknown> = {}) {
  const status = errorStatus[code];
  const language = request.language;
  const problem: Problem = {
    type: `https://cartera.dev/problems/${code}`,
    title: errorTitles[language][status] ?? String(status),
    status,
    code,
    detail: errorMessage(language, code, params),
    ...(fields.length > 0
      ? { errors: fields.map((f) => ({ field: f.field, code: f.code, message: fieldMessage(language, f.code, f.params) })) }
      : {}),
  };
  return reply.code(status).type('application/problem+json').send(problem);
}

/** Every error leaves as problem+json with a stable code and a translated message; no stack ever. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof AppError) return send(request, reply, error.code, error.fields, error.params);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => {
        const prefix = error.validationContext && error.validationContext !== 'body' ? `${error.validationContext}.` : '';
        const issue = fieldIssue({ code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '', params: v.params });
        return { field: prefix + issue.field, code: issue.code, params: issue.params };
      });
      return send(request, reply, 'validation_failed', fields);
    }
    if (error instanceof ZodError) {
      const fields = error.issues.map((issue) => {
        const mapped = fieldIssue({ code: issue.code, path: issue.path, message: issue.message, params: { ...issue } });
        return { field: mapped.field, code: mapped.code, params: mapped.params };
      });
      return send(request, reply, 'validation_failed', fields);
    }
    const violated = constraintError(error);
    if (violated) return send(request, reply, violated.code, violated.fields, violated.params);
    const code = isFastifyError(error) ? codeOfFastifyError(error) : null;
    if (code) return send(request, reply, code);
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 'internal');
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, 'not_found'));
}
