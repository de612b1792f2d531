import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** Time-ordered ids: new rows land at the end of the primary-key index. */
export const newId = (): string => v7();

/** A random secret for cookies and tokens. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Secrets are stored hashed so a copy of the database does not hand out sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
