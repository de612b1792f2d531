import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Secrets an admin stores in the database (a registry's API key, an SMTP password) are sealed with
// AES-256-GCM under a key derived from CARTERA_SECRET_KEY: a copy of the database alone does not give
// them away, and an altered ciphertext fails to open instead of decrypting to junk.

const version = 'v1';

function keyOf(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'cartera', 'stored secrets v1', 32));
}

/** Seals a secret as `v1:iv:tag:ciphertext` (each part base64url), for a text column. */
export function seal(plain: string, secretKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [version, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

/** The plain text, or null when the key is not the one that sealed it (or the text was altered). */
export function open(sealed: string, secretKey: string): string | null {
  const [tag, iv, auth, body] = sealed.split(':');
  if (tag !== version || !iv || !auth || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(auth, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
