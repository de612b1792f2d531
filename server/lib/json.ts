import type { z } from 'zod';

/** Parses a JSON text column against its schema; stored data that no longer fits falls back. */
export function parseJsonColumn<T>(text: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : fallback;
  } catch {
    return fallback;
  }
}

/** The first string of a JSON array column (an account's e-mails or phones), or null. */
export function firstOfJsonArray(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
  } catch {
    return null;
  }
}
