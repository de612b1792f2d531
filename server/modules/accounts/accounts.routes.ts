import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountGroupQuerySchema, accountListQuerySchema, accountListSchema, accountOwnersSchema, accountSchema,
  accountUpdateSchema, binListSchema, binQuerySchema, timelineListSchema, timelineQuerySchema, type Account,
} from '@contract/accounts';
import { idParamsSchema } from '@contract/common';
import { groupCountSchema } from '@contract/list-query';
import { contactCreateSchema, contactListSchema, contactParamsSchema, contactSchema, contactUpdateSchema } from '@contract/contacts';
import { accountCreateWithProjectSchema } from '@contract/projects';
import { AppError } from '@server/lib/errors';
import { createAccountWithProject } from '@server/commands/create-account-with-project';
import { actorOf } from '@server/plugins/request-context';
import { countAccountGroups } from './account-groups.service';
import { listBin, purgeAccount, restoreAccount } from './bin.service';
import { addContact, listContacts, removeContact, updateContact } from './contacts.service';
import {
  changeOwners, discardAccount, findAccounts, getAccount, updateAccount,
} from './accounts.service';
import { listHistory } from './timeline.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['accounts'];

/** The version an If-Match header names; it must agree with the body's when both are sent. */
function versionFrom(request: FastifyRequest, bodyVersion: number): number {
  const header = request.headers['if-match'];
  if (!header) return bodyVersion;
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match || Number(match[1]) !== bodyVersion) throw new AppError('stale_version');
  return bodyVersion;
}

const withEtag = (reply: FastifyReply, account: Account): Account => {
  reply.header('etag', `"${account.version}"`);
  return account;
};

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/accounts', { schema: { tags, querystring: accountListQuerySchema, response: { 200: accountListSchema } } }, async (request) =>
    findAccounts(db, actorOf(request), request.query));

  app.get('/accounts/groups', { schema: { tags, querystring: accountGroupQuerySchema, response: { 200: groupCountSchema } } }, async (request) =>
    countAccountGroups(db, actorOf(request), request.query));

  // A new company may bring its start project (seed 003), created in the same transaction.
  app.post('/accounts', { schema: { tags, body: accountCreateWithProjectSchema, response: { 201: accountSchema } } }, async (request, reply) => {
    reply.code(201);
    return withEtag(reply, await createAccountWithProject(db, actorOf(request), request.body));
  });

  app.get('/accounts/:id', { schema: { tags, params: idParamsSchema, response: { 200: accountSchema } } }, async (request, reply) =>
    withEtag(reply, await getAccount(db, actorOf(request), request.params.id)));

  app.patch('/accounts/:id', { schema: { tags, params: idParamsSchema, body: accountUpdateSchema, response: { 200: accountSchema } } }, async (request, reply) => {
    const version = versionFrom(request, request.body.version);
    return withEtag(reply, await updateAccount(db, actorOf(request), request.params.id, { ...request.body, version }));
  });

  app.delete('/accounts/:id', { schema: { tags, params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await discardAccount(db, actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.put('/accounts/:id/owners', { schema: { tags, params: idParamsSchema, body: accountOwnersSchema, response: { 200: accountSchema } } }, async (request, reply) => {
    const version = versionFrom(request, request.body.version);
    return withEtag(reply, await changeOwners(db, actorOf(request), request.params.id, { ...request.body, version }));
  });

  app.get('/accounts/:id/timeline', { schema: { tags, params: idParamsSchema, querystring: timelineQuerySchema, response: { 200: timelineListSchema } } }, async (request) =>
    listHistory(db, actorOf(request), request.params.id, request.query));

  app.get('/accounts/:id/contacts', { schema: { tags, params: idParamsSchema, response: { 200: contactListSchema } } }, async (request) => ({
    items: await listContacts(db, actorOf(request), request.params.id),
  }));

  app.post('/accounts/:id/contacts', { schema: { tags, params: idParamsSchema, body: contactCreateSchema, response: { 201: contactSchema } } }, async (request, reply) => {
    reply.code(201);
    return addContact(db, actorOf(request), request.params.id, request.body);
  });

  app.patch('/accounts/:id/contacts/:contactId', { schema: { tags, params: contactParamsSchema, body: contactUpdateSchema, response: { 200: contactSchema } } }, async (request) =>
    updateContact(db, actorOf(request), request.params.id, request.params.contactId, request.body));

  app.delete('/accounts/:id/contacts/:contactId', { schema: { tags, params: contactParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await removeContact(db, actorOf(request), request.params.id, request.params.contactId);
    return reply.code(204).send();
  });

  app.get('/bin', { schema: { tags: ['bin'], querystring: binQuerySchema, response: { 200: binListSchema } } }, async (request) =>
    listBin(db, actorOf(request), request.query));

  app.post('/bin/accounts/:id/restore', { schema: { tags: ['bin'], params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await restoreAccount(db, actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.delete('/bin/accounts/:id', { schema: { tags: ['bin'], params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await purgeAccount(db, actorOf(request), request.params.id, app.storage);
    return reply.code(204).send();
  });
};
