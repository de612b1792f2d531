/**
 * The one way Cartera talks to a register: only to the register's configured base URL (the country
 * picks it; no caller ever supplies a host), no redirects, a timeout that covers the whole answer,
 * and a size limit read as the bytes arrive.
 */

export type RegistryFailure =
  | 'not_found' | 'gone' | 'quota' | 'timeout' | 'unavailable' | 'malformed' | 'too_large' | 'unauthorized' | 'bad_request'
  /** Peru's file has not been loaded yet. */
  | 'not_loaded';

export class RegistryError extends Error {
  constructor(
    readonly failure: RegistryFailure,
    /** The answer's body when the register sent one (a 410's `slettedato`, cvrapi's `error`). */
    readonly body: unknown = null,
  ) {
    super(`registry ${failure}`);
  }
}

export const defaultMaxBytes = 2 * 1024 * 1024;

/** A URL under the register's base: path segments are encoded here, so a number can never step outside it. */
export function registryUrl(base: string, segments: string[], query: Record<string, string> = {}): URL {
  const root = new URL(base);
  const path = segments.map((segment) => encodeURIComponent(segment)).join('/');
  const url = new URL(`${root.href.replace(/\/+$/, '')}${path ? `/${path}` : ''}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname.replace(/\/+$/, ''))) {
    throw new RegistryError('bad_request');
  }
  return url;
}

export type RegistryRequest = {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes?: number;
  /** The caller's own cancellation (the browser gave up on the search). */
  signal?: AbortSignal;
};

export type RegistryAnswer = { status: number; body: unknown };

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new RegistryError('too_large');
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RegistryError('too_large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

function failureOf(status: number): RegistryFailure {
  if (status === 404) return 'not_found';
  if (status === 410) return 'gone';
  if (status === 429) return 'quota';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'unavailable';
}

/** Sends one request to a register and returns its JSON; every failure is a RegistryError. */
export async function registryFetch(url: URL, request: RegistryRequest): Promise<RegistryAnswer> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  try {
    const response = await fetch(url, {
      method: request.method ?? 'GET',
      headers: { accept: 'application/json', ...request.headers },
      body: request.body,
      redirect: 'error',
      signal,
    });
    const text = await readLimited(response, request.maxBytes ?? defaultMaxBytes);
    const body = parseJson(text);
    if (!response.ok) throw new RegistryError(failureOf(response.status), body ?? null);
    if (body === undefined) throw new RegistryError('malformed');
    return { status: response.status, body };
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    if (timeout.aborted) throw new RegistryError('timeout');
    throw new RegistryError('unavailable');
  }
}
