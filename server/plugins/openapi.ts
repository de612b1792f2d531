import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { markAssetRoute } from './request-context';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A 204 has no body: the document says so, whatever schema the route declared for it. */
function withoutNoContentBodies<T extends object>(document: T): T {
  const paths = Reflect.get(document, 'paths');
  for (const methods of Object.values(isRecord(paths) ? paths : {})) {
    for (const operation of Object.values(isRecord(methods) ? methods : {})) {
      const responses = isRecord(operation) ? operation.responses : undefined;
      const noContent = isRecord(responses) ? responses['204'] : undefined;
      if (isRecord(noContent)) delete noContent.content;
    }
  }
  return document;
}

/** The OpenAPI document, generated from the zod route schemas, and its browsable docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Cartera API', version: '1', description: 'Accounts, contacts, users and the portfolio. Errors are RFC 9457 problem+json.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cartera_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => ('openapiObject' in document ? withoutNoContentBodies(document.openapiObject) : document.swaggerObject),
  });
  await app.register(async (docs) => {
    docs.addHook('onRoute', markAssetRoute);
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
}
