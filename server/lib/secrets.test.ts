import { describe, expect, it } from 'vitest';
import { open, seal } from './secrets';

const key = 'a-long-random-secret-key-for-the-tests-0123456789';

describe('stored secrets', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = seal('my-api-key', key);
    expect(sealed).not.toContain('my-api-key');
    expect(open(sealed, key)).toBe('my-api-key');
  });

  it('seals the same secret differently each time', () => {
    expect(seal('x', key)).not.toBe(seal('x', key));
  });

  it('refuses another key and an altered text', () => {
    const sealed = seal('my-api-key', key);
    expect(open(sealed, `${key}-other`)).toBeNull();
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 0xff;
    const altered = [parts[0], parts[1], parts[2], body.toString('base64url')].join(':');
    expect(open(altered, key)).toBeNull();
    expect(open('garbage', key)).toBeNull();
  });
});
