import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** Time-ordered ids: new rows land at the end of the primary-key index. */
export const newId = (): string => v7();

/**
 * An id derived from `parts` (a UUID of version 8, from their SHA-256): the same parts give the
 * same id, so work done again (a retried job) finds the row it made the first time.
 */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A random secret for cookies and tokens. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Secrets are stored hashed so a copy of the database does not hand out sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
