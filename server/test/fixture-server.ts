import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** What the fixture server answers to one request. */
export type FixtureAnswer = {
  status?: number;
  json?: unknown;
  /** A raw body (malformed JSON, a file); wins over `json`. */
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Waits this long before answering (a slow register). */
  delayMs?: number;
};

export type SeenRequest = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

/**
 * A local HTTP server standing in for an outside service (the company registers): tests set what it
 * answers per method and path (with its query), and read what Cartera sent. Nothing leaves the machine.
 */
export type FixtureServer = {
  url: string;
  /** Answers requests whose `METHOD /path?query` equals or matches `route`; the latest rule wins. */
  on: (route: string | RegExp, answer: FixtureAnswer | ((request: SeenRequest) => FixtureAnswer)) => void;
  requests: SeenRequest[];
  reset: () => void;
  close: () => Promise<void>;
};

type Rule = { route: string | RegExp; answer: FixtureAnswer | ((request: SeenRequest) => FixtureAnswer) };

export async function startFixtureServer(): Promise<FixtureServer> {
  let rules: Rule[] = [];
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const seen: SeenRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
      requests.push(seen);
      const key = `${seen.method} ${seen.url}`;
      const rule = [...rules].reverse().find(({ route }) => (typeof route === 'string' ? route === key : route.test(key)));
      const answer: FixtureAnswer = rule ? (typeof rule.answer === 'function' ? rule.answer(seen) : rule.answer) : { status: 404, json: {} };
      const send = () => {
        if (res.destroyed) return;
        const payload = answer.body ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(payload);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    on: (route, answer) => {
      rules.push({ route, answer });
    },
    requests,
    reset: () => {
      rules = [];
      requests.length = 0;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const fixtureDir = path.join(import.meta.dirname, '..', 'modules', 'registry', 'fixtures');

/** A recorded register answer from server/modules/registry/fixtures. */
export function registryFixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(fixtureDir, name), 'utf8'));
}

/** A fixture file's bytes (Peru's text files). */
export const registryFixtureBytes = (name: string): Buffer => fs.readFileSync(path.join(fixtureDir, name));
