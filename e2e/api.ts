import { meSchema } from '@contract/auth';
import { mailSettingsSchema } from '@contract/emails';
import { quoteSettingsSchema } from '@contract/quotes';
import type { z } from 'zod';

/** A signed-in API session for setting up data faster than through the UI (never for what a test checks). */
export type ApiSession = {
  call: <S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown) => Promise<z.infer<S>>;
  send: (method: string, path: string, body?: unknown) => Promise<void>;
};

export async function apiLogin(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  let cookie = '';
  let csrf = '';
  const send = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return parsed;
  };
  const session: ApiSession = {
    call: async (schema, method, path, body) => schema.parse(await send(method, path, body)),
    send: async (method, path, body) => {
      await send(method, path, body);
    },
  };
  const me = await session.call(meSchema, 'POST', '/auth/login', { email, password });
  csrf = me.csrfToken;
  return session;
}

/**
 * What every test that sends from Cartera sets up first: mail through the test SMTP server on
 * `port`, and our company as quotes and agreements name it (Instalaciones Peñalara S.L.).
 */
export async function setUpSending(api: ApiSession, port: number): Promise<void> {
  await api.call(mailSettingsSchema, 'PUT', '/settings/mail', { version: 0, host: '127.0.0.1', port, tlsMode: 'none', fromAddress: 'ventas@cartera.example', fromName: 'Ventas', ratePerMinute: 600 });
  const settings = await api.call(quoteSettingsSchema, 'GET', '/quote-settings');
  await api.call(quoteSettingsSchema, 'PUT', '/quote-settings', { version: settings.version, companyName: 'Instalaciones Peñalara S.L.', companyTaxId: 'B87654321' });
}
