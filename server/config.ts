import path from 'node:path';
import { z } from 'zod';
import { registryConfigOf, registryEnv, type RegistryConfig } from './modules/registry/registry-config';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  CARTERA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CARTERA_ADMIN_EMAIL: z.email().optional().or(z.literal('').transform(() => undefined)),
  CARTERA_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional().or(z.literal('').transform(() => undefined)),
  CARTERA_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  CARTERA_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  CARTERA_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CARTERA_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(25),
  CARTERA_CHECK_RESPONSES: z.enum(['true', 'false']).default('false'),
  /** Encrypts secrets stored in the database (the SMTP password, registry keys); any long random string. */
  CARTERA_SECRET_KEY: z.string().min(32, 'must be at least 32 characters (for example `openssl rand -base64 32`)').optional().or(z.literal('').transform(() => undefined)),
  CARTERA_SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]+/, 'must look like smtp://user:password@host:port or smtps://…').optional().or(z.literal('').transform(() => undefined)),
  CARTERA_MAIL_FROM: z.string().min(3).max(300).optional().or(z.literal('').transform(() => undefined)),
  CARTERA_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  ...registryEnv,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set; otherwise SQLite in `<dataDir>/cartera.sqlite`. */
  databaseUrl: string | null;
  admin: { email: string; password: string } | null;
  secureCookies: boolean;
  trustProxy: boolean;
  sessionDays: number;
  /** Largest document upload, in bytes (logos have their own, smaller limit). */
  maxUploadBytes: number;
  logLevel: string;
  /** Check every response against its zod contract (the test suites turn this on; it costs time). */
  checkResponses: boolean;
  /** Where the built web app lives; null serves no web app (API-only tests). */
  webDistDir: string | null;
  /** E-mail from the environment (it then overrides the settings page) and the key that encrypts stored secrets. */
  mail: { smtpUrl: string | null; from: string | null; secretKey: string | null; publicUrl: string | null };
  /** Encrypts secrets stored in the database; null when not set (secrets then come from the environment only). */
  secretKey: string | null;
  /** Company registers: base URLs, credentials from the environment, timeouts. */
  registry: RegistryConfig;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad value stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.CARTERA_SMTP_URL && !e.CARTERA_MAIL_FROM) {
    throw new ConfigError('Invalid configuration:\n  CARTERA_MAIL_FROM must be set with CARTERA_SMTP_URL (the address messages are sent from)');
  }
  if (Boolean(e.CARTERA_ADMIN_EMAIL) !== Boolean(e.CARTERA_ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration:\n  CARTERA_ADMIN_EMAIL and CARTERA_ADMIN_PASSWORD must be set together');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.CARTERA_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    admin: e.CARTERA_ADMIN_EMAIL && e.CARTERA_ADMIN_PASSWORD
      ? { email: e.CARTERA_ADMIN_EMAIL.toLowerCase(), password: e.CARTERA_ADMIN_PASSWORD }
      : null,
    secureCookies: e.CARTERA_SECURE_COOKIES === 'true',
    trustProxy: e.CARTERA_TRUST_PROXY === 'true',
    sessionDays: e.CARTERA_SESSION_DAYS,
    maxUploadBytes: e.CARTERA_MAX_UPLOAD_MB * 1024 * 1024,
    logLevel: e.LOG_LEVEL,
    checkResponses: e.CARTERA_CHECK_RESPONSES === 'true',
    webDistDir: path.resolve(import.meta.dirname, '../web/dist'),
    mail: {
      smtpUrl: e.CARTERA_SMTP_URL ?? null,
      from: e.CARTERA_MAIL_FROM ?? null,
      secretKey: e.CARTERA_SECRET_KEY ?? null,
      publicUrl: e.CARTERA_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    },
    secretKey: e.CARTERA_SECRET_KEY ?? null,
    registry: registryConfigOf(e),
  };
}
