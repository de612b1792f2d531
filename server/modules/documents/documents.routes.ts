import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { documentListQuerySchema, documentListSchema, documentParamsSchema, documentSchema, documentUploadQuerySchema, logoQuerySchema, maxLogoBytes } from '@contract/documents';
import { sendStoredFile } from '@server/lib/attachment';
import { actorOf } from '@server/plugins/request-context';
import { deleteDocument, listDocuments, openDocument, openLogo, replaceLogo, uploadDocument } from './documents.service';
import { uploadOf } from './upload-part';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['documents'];

/** Documents on accounts, and the account's logo (an image document of its own). */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only these routes take multipart bodies; the limits are per request, on the file part.
  await app.register(multipart, { limits: { fileSize: app.config.maxUploadBytes } });
  const deps = { db: app.db, storage: app.storage, log: app.log };

  app.get('/accounts/:id/documents', { schema: { tags, params: idParamsSchema, querystring: documentListQuerySchema, response: { 200: documentListSchema } } }, async (request) => ({
    ...(await listDocuments(app.db, actorOf(request), request.params.id, request.query)),
    maxUploadBytes: app.config.maxUploadBytes,
  }));

  app.post('/accounts/:id/documents', { schema: { tags, params: idParamsSchema, querystring: documentUploadQuerySchema, response: { 201: documentSchema } } }, async (request, reply) => {
    const upload = uploadOf(request, app.config.maxUploadBytes);
    const links = { opportunityId: request.query.opportunityId ?? null, projectId: request.query.projectId ?? null };
    const document = await uploadDocument(deps, actorOf(request), request.params.id, upload, links);
    return reply.code(201).send(document);
  });

  app.get('/accounts/:id/documents/:documentId/content', { schema: { tags, params: documentParamsSchema } }, async (request, reply) => {
    const { row, stream } = await openDocument(deps, actorOf(request), request.params.id, request.params.documentId);
    return sendStoredFile(reply, { name: row.name, contentType: row.content_type, size: Number(row.size) }).send(stream);
  });

  app.delete('/accounts/:id/documents/:documentId', { schema: { tags, params: documentParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await deleteDocument(deps, actorOf(request), request.params.id, request.params.documentId);
    return reply.code(204).send();
  });

  app.get('/accounts/:id/logo', { schema: { tags, params: idParamsSchema, querystring: logoQuerySchema } }, async (request, reply) => {
    const { row, stream } = await openLogo(deps, actorOf(request), request.params.id);
    // The address carries the logo's id, so a cached copy is never stale.
    return sendStoredFile(reply, { name: row.name, contentType: row.content_type, size: Number(row.size), cacheForever: true }).send(stream);
  });

  app.put('/accounts/:id/logo', { schema: { tags, params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await replaceLogo(deps, actorOf(request), request.params.id, uploadOf(request, maxLogoBytes));
    return reply.code(204).send();
  });

  app.delete('/accounts/:id/logo', { schema: { tags, params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await replaceLogo(deps, actorOf(request), request.params.id, null);
    return reply.code(204).send();
  });
};
