import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Language } from '@contract/common';
import type { Db } from '@server/db/database';
import { escapeHtml } from '@contract/email-merge';
import { mailTexts } from './mail-texts';
import { findMessageByToken, markOpened } from './outbox.repo';
import { addressesOf } from './outgoing';
import { suppress } from './suppressions.repo';

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const pixelParams = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.gif$/) });

/** A transparent 1×1 GIF. */
const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** "ana@example.com" → "a**@example.com": the page confirms whose address it is without spelling it out to whoever holds the link. */
const masked = (address: string) => address.replace(/^(.)([^@]*)@/, (_, first: string, rest: string) => `${first}${'*'.repeat(Math.min(rest.length, 6))}@`);

function page(language: Language, body: string): string {
  const texts = mailTexts[language].page;
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<meta name="robots" content="noindex"><title>${texts.title} · Cartera</title></head>`
    + '<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5">'
    + `<h1 style="font-size:1.4rem">${texts.title}</h1>${body}</body></html>`;
}

/** The address a message's unsubscribe is for: a bulk message's one recipient. */
async function addressOf(db: Db, token: string): Promise<{ address: string; messageId: string } | null> {
  const message = await findMessageByToken(db, token);
  if (!message || message.kind !== 'bulk') return null;
  const address = message.address_norm ?? addressesOf(message.to_list)[0]?.address;
  return address ? { address, messageId: message.id } : null;
}

/**
 * The pages a message's reader reaches without a session: unsubscribe (a GET only asks, since mail
 * scanners follow links; the button's POST, or a mail client's RFC 8058 one-click POST, does it)
 * and the open pixel. They answer about the token they are given and nothing else.
 */
export const mailPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  // The confirming form and RFC 8058's one-click both post a URL-encoded form; its content is not needed.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => done(null, body));

  app.get('/mail/u/:token', { config: { public: true }, schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    const language = request.language;
    const texts = mailTexts[language].page;
    const found = await addressOf(db, request.params.token);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!found) return reply.code(404).send(page(language, `<p>${texts.unknown}</p>`));
    const ask = escapeHtml(texts.ask.replace('{{address}}', masked(found.address)));
    return reply.send(page(language, `<p>${ask}</p><form method="post"><button type="submit" style="font-size:1rem;padding:.5rem 1rem">${texts.confirm}</button></form>`));
  });

  app.post('/mail/u/:token', { config: { public: true }, schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    const language = request.language;
    const texts = mailTexts[language].page;
    const found = await addressOf(db, request.params.token);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!found) return reply.code(404).send(page(language, `<p>${texts.unknown}</p>`));
    await db.transaction().execute((trx) => suppress(trx, found.address, 'unsubscribed', found.messageId, null));
    return reply.send(page(language, `<p>${escapeHtml(texts.done.replace('{{address}}', masked(found.address)))}</p><p>${texts.doneDetail}</p>`));
  });

  // The first open only, and only when: no address, no client details are kept.
  app.get('/mail/o/:file', { config: { public: true }, schema: { hide: true, params: pixelParams } }, async (request, reply) => {
    const token = request.params.file.replace(/\.gif$/, '');
    await markOpened(db, token);
    return reply.type('image/gif').header('cache-control', 'no-store, private').send(pixel);
  });
};
