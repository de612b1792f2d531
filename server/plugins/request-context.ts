import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { csrfHeader } from '@contract/auth';
import { isLanguage, type Language } from '@contract/common';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import type { Actor } from '@server/policies';
import { loadSession, sessionCookie, type LoadedSession } from '@server/modules/auth/session.repo';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: LoadedSession | null;
    language: Language;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session (login, setup, health). */
    public?: boolean;
  }
}

/** The language of a request without a user: the best match of Accept-Language, else Spanish. */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'es';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  const match = ranked.find((entry) => isLanguage(entry.tag))?.tag;
  return match && isLanguage(match) ? match : 'es';
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads the actor off the session cookie, picks the language, and refuses anonymous or forged writes. */
export const requestContext = fp(async (app: FastifyInstance, options: { db: Db; sessionDays: number }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('language', 'es');

  app.addHook('onRequest', async (request) => {
    request.language = languageFromHeader(request.headers['accept-language']);
    const token = request.cookies[sessionCookie];
    if (!token || !request.url.startsWith('/api/')) return;
    const session = await loadSession(options.db, token, options.sessionDays);
    if (!session) return;
    request.session = session;
    request.actor = session.actor;
    request.language = session.actor.language;
  });

  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config.public) return;
    if (!request.actor || !request.session) throw new AppError('unauthenticated');
    if (unsafeMethods.has(request.method) && request.headers[csrfHeader] !== request.session.csrfToken) {
      throw new AppError('csrf_failed');
    }
  });
});

/** The actor of an authenticated route (the preHandler has already refused anonymous requests). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
