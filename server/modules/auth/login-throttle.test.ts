import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '@server/modules/users/users.service';
import { expectProblem } from '@server/test/state';
import { testApp, testPassword, type TestApp } from '@server/test/test-app';
import { throttleRules } from './login-throttle.repo';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

afterAll(async () => {
  await t.close();
});

let counter = 0;

/** A user who has never signed in from anywhere (t.user would sign them in from 127.0.0.1). */
async function newUser(prefix: string): Promise<string> {
  counter += 1;
  const email = `${prefix}${counter}@example.com`;
  await createUser(t.db, null, { email, name: `${prefix} ${counter}`, role: 'agent', scope: 'own', language: 'en', crmManager: false, password: testPassword });
  return email;
}

const attempt = (email: string, password: string, address: string, language = 'en'): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, headers: { 'accept-language': language }, payload: { email, password } });

/** Fires every attempt at once and tallies the answers: each 401 is a password that was checked. */
async function burst(attempts: Array<{ email: string; address: string }>): Promise<{ checked: number; refused: number; other: number }> {
  const responses = await Promise.all(attempts.map(({ email, address }, i) => attempt(email, `wrong-password-${i}`, address)));
  const count = (status: number) => responses.filter((response) => response.statusCode === status).length;
  for (const refused of responses.filter((response) => response.statusCode === 429)) expectProblem(refused, 429, 'too_many_attempts');
  return { checked: count(401), refused: count(429), other: responses.length - count(401) - count(429) };
}

const failuresOf = async (key: string): Promise<number> =>
  (await t.db.selectFrom('login_throttle').select('failures').where('key', '=', key).executeTakeFirst())?.failures ?? 0;

/** Lets a key's lock run out, as the clock would. */
const expireLock = (key: string) =>
  t.db.updateTable('login_throttle').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('key', '=', key).execute();

describe('login throttling under concurrency', () => {
  test('40 simultaneous wrong passwords for one e-mail from one address: only the pair limit (5) is checked', async () => {
    const email = await newUser('burst');
    const tally = await burst(Array.from({ length: 40 }, () => ({ email, address: '10.1.0.1' })));
    expect(tally).toEqual({ checked: throttleRules.pair.threshold, refused: 40 - throttleRules.pair.threshold, other: 0 });
    expect(await failuresOf(`pair:10.1.0.1|${email}`)).toBe(tally.checked);
  });

  test('40 simultaneous wrong passwords for one e-mail from 40 addresses: only the e-mail limit (10) is checked', async () => {
    const email = await newUser('spread');
    const tally = await burst(Array.from({ length: 40 }, (_, i) => ({ email, address: `10.2.0.${i + 1}` })));
    expect(tally).toEqual({ checked: throttleRules.email.threshold, refused: 40 - throttleRules.email.threshold, other: 0 });
    expect(await failuresOf(`email:${email}`)).toBe(tally.checked);
  });

  test('100 simultaneous attempts from one address on 100 e-mails: only the address limit (50) is checked', async () => {
    const tally = await burst(Array.from({ length: 100 }, (_, i) => ({ email: `spray${i}@example.com`, address: '10.3.0.1' })));
    expect(tally).toEqual({ checked: throttleRules.address.threshold, refused: 100 - throttleRules.address.threshold, other: 0 });
    expect(await failuresOf('address:10.3.0.1')).toBe(tally.checked);
  });
});

describe('what a refusal looks like, and how it grows', () => {
  test('a locked pair answers a translated problem+json 429 with Retry-After, even to the right password; each further failure doubles the wait', async () => {
    const email = await newUser('locked');
    const address = '10.4.0.1';
    for (let i = 0; i < throttleRules.pair.threshold; i++) expectProblem(await attempt(email, `wrong-${i}`, address), 401, 'invalid_credentials');
    const locked = await attempt(email, testPassword, address, 'es');
    expect(expectProblem(locked, 429, 'too_many_attempts').detail).toBe('Demasiados intentos. Espera unos minutos e inténtalo de nuevo.');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(55);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(locked.headers['set-cookie']).toBeUndefined();
    expect(expectProblem(await attempt(email, testPassword, address), 429, 'too_many_attempts').detail).toBe('Too many attempts. Wait a few minutes and try again.');
    // Refused attempts are not counted: hammering a locked key does not lengthen the lock.
    expect(await failuresOf(`pair:${address}|${email}`)).toBe(throttleRules.pair.threshold);

    await expireLock(`pair:${address}|${email}`);
    expectProblem(await attempt(email, 'wrong-again', address), 401, 'invalid_credentials');
    const longer = await attempt(email, testPassword, address);
    expectProblem(longer, 429, 'too_many_attempts');
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(115);
    expect(Number(longer.headers['retry-after'])).toBeLessThanOrEqual(120);

    // Once the wait is over, the right password gets in and forgives the failures.
    await expireLock(`pair:${address}|${email}`);
    expect((await attempt(email, testPassword, address)).statusCode).toBe(200);
    expect(await failuresOf(`pair:${address}|${email}`)).toBe(0);
  });
});

describe('an attacker behind a shared address (office NAT) locks nobody else out', () => {
  const office = '10.5.0.1';

  test('while one e-mail is attacked from the office, a colleague there signs in, on their first visit', async () => {
    const victim = await newUser('victim');
    const colleague = await newUser('colleague');
    const tally = await burst(Array.from({ length: 40 }, () => ({ email: victim, address: office })));
    expect(tally.checked).toBe(throttleRules.pair.threshold);
    expect((await attempt(colleague, testPassword, office)).statusCode).toBe(200);
  });

  test('spraying that trips the address ceiling still lets in whoever signed in from that address before', async () => {
    const regular = await newUser('regular');
    const newcomer = await newUser('newcomer');
    const nat = '10.6.0.1';
    expect((await attempt(regular, testPassword, nat)).statusCode).toBe(200);
    const tally = await burst(Array.from({ length: 60 }, (_, i) => ({ email: `sprayed${i}@example.com`, address: nat })));
    expect(tally.checked).toBe(throttleRules.address.threshold);
    expect((await attempt(regular, testPassword, nat)).statusCode).toBe(200);
    // Someone never seen at this address waits for the address's lock, like the sprayer.
    const refused = await attempt(newcomer, testPassword, nat);
    expectProblem(refused, 429, 'too_many_attempts');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('an e-mail locked by guesses from many addresses still opens for its owner at their usual address', async () => {
    const owner = await newUser('owner');
    const usual = '10.7.0.1';
    expect((await attempt(owner, testPassword, usual)).statusCode).toBe(200);
    const tally = await burst(Array.from({ length: 20 }, (_, i) => ({ email: owner, address: `10.8.0.${i + 1}` })));
    expect(tally.checked).toBe(throttleRules.email.threshold);
    expectProblem(await attempt(owner, testPassword, '10.9.0.1'), 429, 'too_many_attempts');
    expect((await attempt(owner, testPassword, usual)).statusCode).toBe(200);
  });
});
