import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { markAssetRoute } from './request-context';

/** Serves the built web app from the same port; unknown non-API paths get index.html (client routing). */
export async function registerWeb(app: FastifyInstance, distDir: string | null): Promise<void> {
  if (!distDir || !fs.existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build:web` (npm start does it)');
    return;
  }
  await app.register(async (web) => {
    web.addHook('onRoute', markAssetRoute);
    await web.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'] });
    web.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      const file = path.join(distDir, request.url.split('?')[0] ?? '/');
      if (file.startsWith(distDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(distDir, file));
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  });
}
