import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// AES-256-GCM with a key derived from CARTERA_SECRET_KEY: a copy of the database alone does not
// give the SMTP password away, and a tampered ciphertext fails to open instead of decrypting to junk.

const version = 'v1';

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'cartera', 'stored secrets v1', 32));
}

/** `v1:iv:tag:ciphertext`, each part base64url. */
export function seal(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [version, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

/** The plain text, or null when the key is not the one that sealed it (or the text was altered). */
export function open(sealed: string, secret: string): string | null {
  const [tag, iv, auth, body] = sealed.split(':');
  if (tag !== version || !iv || !auth || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(auth, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
