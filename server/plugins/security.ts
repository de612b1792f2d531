import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers: no inline script, no framing, no sniffing; the API docs page gets its own
 * allowances (its plugin sets its own CSP). Helmet is configured once here: @fastify/helmet built
 * a new helmet (parsing the CSP directives again) for every request, measured at about 5% of the
 * server's time on the single-account route.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Mantine injects its theme variables as style elements.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: false,
});

/**
 * The headers helmet sets, read once off a response that is never sent: they depend on nothing in
 * the request. Given to Fastify as reply headers, they go out in the one writeHead; a route that
 * sets its own (downloads, the docs page) still overrides them.
 */
function helmetHeaders(): Record<string, string> {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  securityHeaders(response.req, response, (error) => {
    if (error) throw error;
  });
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

/**
 * What a JSON answer of the API carries instead: the headers that matter for a response that is
 * not a document (as the OWASP REST Security Cheat Sheet lists them): no sniffing, no framing, no
 * cross-origin reads, no referrer, and a CSP that allows nothing at all. The ones only a document
 * uses (opener and agent-cluster isolation, DNS prefetching, the old XSS auditor, IE's download
 * and Flash policies) stay on pages: six headers fewer on every API answer, which Node checks and
 * writes one by one (about 3% of a single account's request). Downloads set their own.
 */
export const apiHeaders: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  const headers = helmetHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    // By the matched route, not the URL's spelling.
    reply.headers(request.routeOptions.url?.startsWith('/api/v1/') === true ? apiHeaders : headers);
    done();
  });
}
