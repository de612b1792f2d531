import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import {
  importListQuerySchema, importListSchema, importPreviewBodySchema, importPreviewSchema, importRunBodySchema,
  importSchema, importUploadQuerySchema, importCompanyListSchema, importCompanyQuerySchema,
} from '@contract/imports';
import { AppError } from '@server/lib/errors';
import { actorOf } from '@server/plugins/request-context';
import { errorReport } from './import-report';
import {
  findImportCompanies, findImports, getImport, previewImport, requireImportForReport, resumeImport, runImport, undoImport, uploadImport,
} from './imports.service';

const tags = ['imports'];
const uploadTypes = ['application/octet-stream', 'text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];
/** An upload streams to disk, so its size is bounded by the disk, not memory. */
const maxUploadBytes = 2 * 1024 * 1024 * 1024;

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const dataDir = app.config.dataDir;

  // The file is the raw request body, handed over as a stream (never buffered).
  app.addContentTypeParser(uploadTypes, (_request, payload, done) => done(null, payload));

  app.get('/imports', { schema: { tags, querystring: importListQuerySchema, response: { 200: importListSchema } } }, async (request) =>
    findImports(db, actorOf(request), request.query));

  app.post('/imports', { bodyLimit: maxUploadBytes, schema: { tags, querystring: importUploadQuerySchema, response: { 201: importSchema } } }, async (request, reply) => {
    const body = request.body;
    if (!(body instanceof Readable)) throw new AppError('unsupported_media_type');
    reply.code(201);
    return uploadImport(db, actorOf(request), dataDir, { fileName: request.query.fileName, entity: request.query.entity, kind: request.query.kind, body });
  });

  app.get('/imports/:id', { schema: { tags, params: idParamsSchema, response: { 200: importSchema } } }, async (request) =>
    getImport(db, actorOf(request), request.params.id));

  app.post('/imports/:id/preview', { schema: { tags, params: idParamsSchema, body: importPreviewBodySchema, response: { 200: importPreviewSchema } } }, async (request) =>
    previewImport(db, actorOf(request), dataDir, request.params.id, request.body, request.language));

  app.post('/imports/:id/run', { schema: { tags, params: idParamsSchema, body: importRunBodySchema, response: { 200: importSchema } } }, async (request) =>
    runImport(db, actorOf(request), dataDir, request.params.id, request.body));

  app.post('/imports/:id/resume', { schema: { tags, params: idParamsSchema, response: { 200: importSchema } } }, async (request) =>
    resumeImport(db, actorOf(request), request.params.id));

  app.post('/imports/:id/undo', { schema: { tags, params: idParamsSchema, response: { 200: importSchema } } }, async (request) =>
    undoImport(db, actorOf(request), dataDir, request.params.id));

  app.get('/imports/:id/companies', { schema: { tags, params: idParamsSchema, querystring: importCompanyQuerySchema, response: { 200: importCompanyListSchema } } }, async (request) =>
    findImportCompanies(db, actorOf(request), request.params.id, request.query));

  app.get('/imports/:id/errors.csv', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
    const row = await requireImportForReport(db, actorOf(request), request.params.id);
    reply.header('content-disposition', `attachment; filename="import-errors-${row.id}.csv"`);
    reply.type('text/csv; charset=utf-8');
    return reply.send(errorReport(db, row, request.language));
  });
};
