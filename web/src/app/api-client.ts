import { csrfHeader } from '@contract/auth';
import { problemSchema } from '@contract/common';
import type { z } from 'zod';

export type FieldError = { field: string; code: string; message: string };

/** An API failure as the UI needs it: status, stable code, translated message, per-field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];

  constructor(status: number, code: string, message: string, errors: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type QueryValue = string | number | boolean | null | undefined;
type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
};

const state: {
  csrfToken: string | null;
  language: () => string;
  onUnauthorized: () => void;
} = { csrfToken: null, language: () => 'es', onUnauthorized: () => undefined };

/** The token from /me or the login response; sent back on every write. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function configureApiClient(options: { language: () => string; onUnauthorized: () => void }): void {
  state.language = options.language;
  state.onUnauthorized = options.onUnauthorized;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

// Paths whose 401 is an answer, not an expired session.
const authPaths = ['/me', '/auth/login', '/setup'];

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.language() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers[csrfHeader] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', '');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !authPaths.includes(path)) state.onUnauthorized();
    throw error;
  }
  return response;
}

export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const problem = problemSchema.safeParse(body);
  if (!problem.success) return new ApiError(response.status, 'http_error', response.statusText);
  const { status, code, detail, title, errors } = problem.data;
  return new ApiError(status, code, detail ?? title, errors ?? []);
}

/** A request whose JSON answer is checked against the contract's schema. */
export async function apiJson<S extends z.ZodType>(schema: S, path: string, options: RequestOptions = {}): Promise<z.infer<S>> {
  const response = await send(path, options);
  return schema.parse(await response.json());
}

/**
 * A POST whose answer is a file to save (a selection export): the browser saves it under the
 * name the server gives. Only for answers small enough to hold in memory; long lists use a link.
 */
export async function apiDownload(path: string, body: unknown): Promise<void> {
  const response = await send(path, { method: 'POST', body });
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next turn: the click has started the download by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** A request answered with 204 No Content. */
export async function apiVoid(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/** Sends a file as the raw request body (streamed to disk by the server, never buffered as JSON). */
export async function apiUploadRaw<S extends z.ZodType>(
  schema: S, path: string, file: Blob, query?: Record<string, QueryValue>, init: { method?: 'POST' | 'PUT'; contentType?: string } = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.language(), 'content-type': init.contentType ?? 'application/octet-stream' };
  if (state.csrfToken) headers[csrfHeader] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { method: init.method ?? 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}

/**
 * Uploads one file as multipart/form-data (the browser sets the boundary). Answers the raw
 * Response so callers parse JSON or accept 204.
 */
export async function apiUpload(path: string, file: File, method: 'POST' | 'PUT' = 'POST'): Promise<Response> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.language() };
  if (state.csrfToken) headers[csrfHeader] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path), { method, headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401) state.onUnauthorized();
    throw error;
  }
  return response;
}
