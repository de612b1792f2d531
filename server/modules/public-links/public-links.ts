import type { FastifyInstance } from 'fastify';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { hashToken, newToken } from '@server/lib/ids';
import { takeLinkHit } from './link-throttle.repo';

// The pages a customer reaches from a link in an e-mail, without a session: a sent quote to answer,
// an agreement to sign (and, later, an invoice to open). The token in the link is the credential;
// only its hash is stored, so a copy of the database hands out no links and an old one cannot be
// sent twice. Each kind keeps its own routes and its own record of the token.

/** Route options of a token page: reached without a session, out of the API document like the other token pages. */
export const publicLinkRoute = { public: true } as const;

/** A new link token and the hash to store in its record (sending again issues a new one). */
export function issueLinkToken(): { token: string; hash: string } {
  const token = newToken();
  return { token, hash: hashToken(token) };
}

/** The stored hash a link's token is looked up by. */
export const linkTokenHash = (token: string): string => hashToken(token);

/**
 * Guards every route of the plugin `app` as a token page: never cached or indexed, and every
 * request counted against the caller's address (one budget across all kinds of link) before
 * anything is looked up, so guessing tokens stops at the limit. No CSRF check either: a write
 * needs the token, and only JSON bodies are read.
 */
export function guardPublicLinks(app: FastifyInstance, db: Db): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    const wait = await takeLinkHit(db, `ip:${request.ip}`);
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      throw new AppError('too_many_attempts', { params: { retryAfter: wait } });
    }
  });
}
