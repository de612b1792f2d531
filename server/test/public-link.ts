import PostalMime from 'postal-mime';
import type { MailSender } from '@server/modules/mail/mail-sender';
import type { SmtpSink } from './smtp-sink';
import type { TestApp } from './test-app';

// The customer's side of the records sent with a public link (a quote to answer, an agreement to
// sign): what a test needs to reach the mail that carries the link and the page behind it.

let addressCounter = 0;
/** Each test calls the public pages from an address of its own, so the links' rate limit of one never spills into another. */
export const nextAddress = (): string => `198.51.100.${(addressCounter += 1)}`;

/** A public page under `/api/v1/<prefix>/`, as a customer's browser reaches it: no cookie, no CSRF header. */
export const anonymousLink = (t: () => TestApp, prefix: string) => (method: 'GET' | 'POST', url: string, remoteAddress: string, payload?: object) =>
  t().app.inject({ method, url: `/api/v1/${prefix}/${url}`, remoteAddress, ...(payload ? { payload } : {}) });

/** Delivers the outbox and answers the message that reached the SMTP server, parsed, with its link's token (the web path `/<page>/<token>`). */
export async function deliveredLink(sender: MailSender, sink: SmtpSink, page: string) {
  const before = sink.received.length;
  await sender.drain();
  const [message] = (await sink.waitFor(before + 1)).slice(before);
  if (!message) throw new Error('no message');
  const parsed = await PostalMime.parse(message.raw);
  const token = new RegExp(`/${page}/([A-Za-z0-9_-]{20,100})"`).exec(parsed.html ?? '')?.[1];
  if (!token) throw new Error(`no link in ${parsed.html ?? ''}`);
  return { message, parsed, token };
}
