import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountTreeSchema, characteristicCreateSchema, interestCreateSchema, relationshipCreateSchema, relationshipListSchema,
  relationshipParamsSchema, relationshipSchema, traitListSchema, traitParamsSchema, traitSchema, traitUpdateSchema,
} from '@contract/account-links';
import { idParamsSchema } from '@contract/common';
import { actorOf } from '@server/plugins/request-context';
import { accountTree } from '@server/modules/accounts/account-tree.service';
import { addRelationship, listRelationships, removeRelationship } from './relationships.service';
import { addTrait, listTraits, removeTrait, updateTrait, type TraitFamily } from './traits.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['accounts'];

/** Characteristics, interest areas, relationships and the department tree of an account. */
export const accountLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  const families: Array<[TraitFamily, string, typeof characteristicCreateSchema | typeof interestCreateSchema]> = [
    ['characteristic', 'characteristics', characteristicCreateSchema],
    ['interest', 'interests', interestCreateSchema],
  ];
  for (const [family, path, createSchema] of families) {
    app.get(`/accounts/:id/${path}`, { schema: { tags, params: idParamsSchema, response: { 200: traitListSchema } } }, async (request) => ({
      items: await listTraits(db, actorOf(request), request.params.id, family),
    }));
    app.post(`/accounts/:id/${path}`, { schema: { tags, params: idParamsSchema, body: createSchema, response: { 201: traitSchema } } }, async (request, reply) => {
      reply.code(201);
      return addTrait(db, actorOf(request), request.params.id, family, request.body);
    });
    app.patch(`/accounts/:id/${path}/:traitId`, { schema: { tags, params: traitParamsSchema, body: traitUpdateSchema, response: { 200: traitSchema } } }, async (request) =>
      updateTrait(db, actorOf(request), request.params.id, family, request.params.traitId, request.body));
    app.delete(`/accounts/:id/${path}/:traitId`, { schema: { tags, params: traitParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
      await removeTrait(db, actorOf(request), request.params.id, family, request.params.traitId);
      return reply.code(204).send();
    });
  }

  app.get('/accounts/:id/relationships', { schema: { tags, params: idParamsSchema, response: { 200: relationshipListSchema } } }, async (request) => ({
    items: await listRelationships(db, actorOf(request), request.params.id),
  }));
  app.post('/accounts/:id/relationships', { schema: { tags, params: idParamsSchema, body: relationshipCreateSchema, response: { 201: relationshipSchema } } }, async (request, reply) => {
    reply.code(201);
    return addRelationship(db, actorOf(request), request.params.id, request.body);
  });
  app.delete('/accounts/:id/relationships/:relationshipId', { schema: { tags, params: relationshipParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await removeRelationship(db, actorOf(request), request.params.id, request.params.relationshipId);
    return reply.code(204).send();
  });

  app.get('/accounts/:id/tree', { schema: { tags, params: idParamsSchema, response: { 200: accountTreeSchema } } }, async (request) =>
    accountTree(db, actorOf(request), request.params.id));
};
