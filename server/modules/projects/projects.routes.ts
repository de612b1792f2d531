import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import {
  projectCreateSchema, projectExportQuerySchema, projectHistoryQuerySchema, projectHistorySchema, projectListQuerySchema, projectListSchema, projectSchema,
  projectSelectionExportSchema, projectUpdateSchema,
} from '@contract/projects';
import { actorOf } from '@server/plugins/request-context';
import { download } from '@server/modules/exports/exports.routes';
import { exportProjects } from './project-export.service';
import { projectHistory } from './project-history';
import { createProject, findProjects, getProject, updateProject } from './projects.service';

const tags = ['projects'];

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/projects', { schema: { tags, querystring: projectListQuerySchema, response: { 200: projectListSchema } } }, async (request) =>
    findProjects(db, actorOf(request), request.query));

  app.post('/projects', { schema: { tags, body: projectCreateSchema, response: { 201: projectSchema } } }, async (request, reply) => {
    reply.code(201);
    return createProject(db, actorOf(request), request.body);
  });

  app.get('/projects/:id', { schema: { tags, params: idParamsSchema, response: { 200: projectSchema } } }, async (request) =>
    getProject(db, actorOf(request), request.params.id));

  app.patch('/projects/:id', { schema: { tags, params: idParamsSchema, body: projectUpdateSchema, response: { 200: projectSchema } } }, async (request) =>
    updateProject(db, actorOf(request), request.params.id, request.body));

  app.get('/projects/:id/history', { schema: { tags, params: idParamsSchema, querystring: projectHistoryQuerySchema, response: { 200: projectHistorySchema } } }, async (request) =>
    projectHistory(db, actorOf(request), request.params.id, request.query));

  app.get('/exports/projects', { schema: { tags: ['exports'], querystring: projectExportQuerySchema } }, async (request, reply) => {
    const { format, separator, timeZone, sort, ...filters } = request.query;
    return download(reply, format, exportProjects(db, actorOf(request), { filters, sort, ids: null }, format, request.language, { separator, timeZone }), 'projects');
  });

  app.post('/exports/projects', { schema: { tags: ['exports'], body: projectSelectionExportSchema } }, async (request, reply) => {
    const { format, sort, ids, separator, timeZone } = request.body;
    return download(reply, format, exportProjects(db, actorOf(request), { filters: {}, sort, ids }, format, request.language, { separator, timeZone }), 'projects');
  });
};
