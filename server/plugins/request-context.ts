import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
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
    /**
     * Reachable without a session, so without CSRF either (login, setup, health, token pages).
     * Every other route, whatever its path, needs a session and, for writes, the CSRF header.
     */
    public?: boolean;
    /** The web app's files and the API docs: public, and the session is not even read. */
    asset?: boolean;
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

/**
 * An escaped `/`, `\` or `.` in the path: the router decodes it, so it could name another path
 * than the one written (`%2e%2e`), or a separator inside a parameter. No route needs one.
 */
const encodedSeparator = /%(?:2f|2e|5c)/i;
const pathOf = (url: string): string => url.split('?', 1)[0] ?? '';

/**
 * The language of a request the router refused before any hook ran (a malformed escape, an
 * over-long parameter): the signed-in user's, else the best match of Accept-Language.
 */
export async function languageBeforeHooks(db: Db, sessionDays: number, request: FastifyRequest): Promise<Language> {
  const token = fastifyCookie.parse(request.headers.cookie ?? '')[sessionCookie];
  const session = token ? await loadSession(db, token, sessionDays).catch(() => null) : null;
  return session?.actor.language ?? languageFromHeader(request.headers['accept-language']);
}

/** For an encapsulated context whose routes are all assets (the web app, the docs): marks each so. */
export function markAssetRoute(route: RouteOptions): void {
  route.config = { ...route.config, public: true, asset: true };
}

/** The session behind the request's cookie, read once; null without a cookie or with a dead one. */
async function sessionOf(db: Db, request: FastifyRequest, sessionDays: number): Promise<LoadedSession | null> {
  const token = request.cookies[sessionCookie];
  return token ? loadSession(db, token, sessionDays) : null;
}

/**
 * Reads the actor off the session cookie, picks the language, and refuses anonymous or forged
 * requests before their body is even read. What is public is the matched route's own flag, never
 * the URL's spelling: `/api/%761/…` reaches the same route, so it gets the same refusal.
 */
export const requestContext = fp(async (app: FastifyInstance, options: { db: Db; sessionDays: number }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('language', 'es');

  // The document says which routes need no session; the guard below reads the same flag.
  app.addHook('onRoute', (route) => {
    if (route.config?.public === true) route.schema = { ...route.schema, security: [] };
  });

  app.addHook('onRequest', async (request) => {
    request.language = languageFromHeader(request.headers['accept-language']);
    const config = request.routeOptions.config;
    if (config.asset !== true) {
      const session = await sessionOf(options.db, request, options.sessionDays);
      if (session) {
        request.session = session;
        request.actor = session.actor;
        request.language = session.actor.language;
      }
    }
    if (encodedSeparator.test(pathOf(request.url))) throw new AppError('encoded_path');
    // An unknown path answers 404 to anyone: the API document already lists every route.
    if (request.is404 || config.public === true) return;
    if (!request.actor || !request.session) throw new AppError('unauthenticated');
    if (unsafeMethods.has(request.method) && request.headers[csrfHeader] !== request.session.csrfToken) {
      throw new AppError('csrf_failed');
    }
  });
});

/** The actor of an authenticated route (the guard has already refused anonymous requests). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
