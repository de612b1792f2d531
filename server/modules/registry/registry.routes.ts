import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  registryAccountCreateSchema, registryAccountCreatedSchema, registryCountriesSchema, registryCountryParamsSchema, registryJobStartedSchema,
  registryLookupSchema, registryNumberParamsSchema, registrySearchQuerySchema, registrySearchResultSchema, registrySettingSchema,
  registrySettingUpdateSchema, registrySettingsSchema,
} from '@contract/registry';
import { createAccountFromRegistry } from '@server/commands/create-account-from-registry';
import { actorOf } from '@server/plugins/request-context';
import { startPeruLoad } from './peru/peru-load.job';
import { useRegistryConfig } from './registry-runtime';
import { listSettings, updateSetting } from './registry-settings.service';
import { availableCountries, lookupCompany, searchRegistries } from './registry.service';
import { problems } from '@server/plugins/documented-responses';

const tags = ['registry'];

/** Cancels the registers' requests when the browser gives up on the answer (the user typed on). */
function abandonedBy(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** The web app asks Cartera, never the registers: the country picks the register and its host. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  useRegistryConfig(config);

  app.get('/registry/countries', { schema: { tags, response: { 200: registryCountriesSchema } } }, async (request) => ({
    items: await availableCountries(db, config, actorOf(request)),
  }));

  app.get('/registry/search', { schema: { tags, querystring: registrySearchQuerySchema, response: { 200: registrySearchResultSchema, ...problems(429, 503) } } }, async (request, reply) =>
    searchRegistries(db, config, actorOf(request), request.query, abandonedBy(reply)));

  app.get('/registry/:country/:number', { schema: { tags, params: registryNumberParamsSchema, response: { 200: registryLookupSchema, ...problems(429, 503) } } }, async (request, reply) =>
    lookupCompany(db, config, actorOf(request), request.params.country, request.params.number, abandonedBy(reply)));

  app.post('/registry/accounts', { schema: { tags, body: registryAccountCreateSchema, response: { 201: registryAccountCreatedSchema, ...problems(429, 503) } } }, async (request, reply) => {
    reply.code(201);
    return createAccountFromRegistry(db, actorOf(request), request.body);
  });

  app.get('/registry/settings', { schema: { tags, response: { 200: registrySettingsSchema } } }, async (request) =>
    listSettings(db, config, actorOf(request)));

  app.put('/registry/settings/:country', { schema: { tags, params: registryCountryParamsSchema, body: registrySettingUpdateSchema, response: { 200: registrySettingSchema } } }, async (request) =>
    updateSetting(db, config, actorOf(request), request.params.country, request.body));

  app.post('/registry/settings/PE/load', { schema: { tags, response: { 202: registryJobStartedSchema } } }, async (request, reply) => {
    reply.code(202);
    return { jobId: await startPeruLoad(db, actorOf(request)) };
  });
};
