import { hash, verify } from '@node-rs/argon2';

// Argon2id with the library's defaults (about 10 ms a verify on these machines).
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the same time as a real check, so an unknown e-mail cannot be told from a wrong password. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('cartera-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}
