import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { Agreement } from '@contract/agreements';
import type { ListResponse } from '@contract/common';
import type { Invoice } from '@contract/invoices';
import type { Project } from '@contract/projects';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, uniqueWord } from '@server/test/state';

// The search box of the projects, invoices and agreements lists: each word starts a word of the
// record's own text (a project's name, an invoice's number, an agreement's title or reference) or
// of its company's name, accents and case aside, and every word must match.

let t: TestApp;
let agent: Client;
let outsider: Client;
let admin: Client;
let company: Account;
let project: Project;
let invoice: Invoice;
let agreement: Agreement;
// Unique words, so other records of the database never match.
const own = uniqueWord('w').toLowerCase();
const firm = uniqueWord('f').toLowerCase();
const digits = String(Math.floor(1e8 + Math.random() * 9e8));

beforeAll(async () => {
  t = await testApp();
  agent = await t.user({ role: 'agent', scope: 'own' });
  outsider = await t.user({ role: 'agent', scope: 'own' });
  admin = await t.user({ role: 'admin', scope: 'all' });
  company = await t.account(agent, { kind: 'organization', name: `Ópticas Núñez ${firm}` });
  project = expectOk<Project>(await agent.post('/api/v1/projects', { organizationId: company.id, name: `Reforma de la cocina ${own}` }), 201);
  invoice = expectOk<Invoice>(await agent.post('/api/v1/invoices', { number: `FAC-${digits}-0012`, organizationId: company.id, currency: 'EUR', net: 10_000, tax: 2100 }), 201);
  agreement = expectOk<Agreement>(await agent.post('/api/v1/agreements', {
    organizationId: company.id, title: `Mantenimiento anual ${own}`, type: 'general_cooperation', reference: `REF-${digits}`,
  }), 201);
});

afterAll(async () => t.close());

const lists = ['projects', 'invoices', 'agreements'] as const;
type ListName = (typeof lists)[number];

/** The ids a user finds in a list by typing `q`. */
async function found(client: Client, list: ListName, q: string): Promise<string[]> {
  const page = expectOk<ListResponse<{ id: string }>>(await client.get(`/api/v1/${list}?q=${encodeURIComponent(q)}`));
  expect(page.total).toBe(page.items.length);
  return page.items.map((item) => item.id);
}

const mine = (list: ListName): string => ({ projects: project.id, invoices: invoice.id, agreements: agreement.id })[list];

describe('searching the company work lists', () => {
  test('by the record\'s own words: a word of the name or title, by its start, in any case and without accents', async () => {
    expect(await found(agent, 'projects', own)).toEqual([project.id]);
    expect(await found(agent, 'projects', `COCINA ${own.slice(0, 6)}`)).toEqual([project.id]);
    expect(await found(agent, 'agreements', `mantenimiento ${own}`)).toEqual([agreement.id]);
    expect(await found(agent, 'invoices', own)).toEqual([]);
  });

  test('by number or reference: whole, by its start, by its parts, or as the digits alone', async () => {
    for (const q of [`FAC-${digits}-0012`, `fac-${digits.slice(0, 5)}`, `${digits}-0012`, `${digits}0012`, digits]) {
      expect(await found(agent, 'invoices', q)).toEqual([invoice.id]);
    }
    for (const q of [`REF-${digits}`, `ref${digits}`, digits.slice(0, 7)]) expect(await found(agent, 'agreements', q)).toEqual([agreement.id]);
  });

  test('by the company\'s name, accents folded; two words must both match, each on the record or its company', async () => {
    for (const list of lists) {
      expect(await found(agent, list, `opticas nunez ${firm}`)).toEqual([mine(list)]);
      expect(await found(agent, list, `Núñez ${firm.slice(0, 5)}`)).toEqual([mine(list)]);
      expect(await found(agent, list, `${firm} zzznomatch`)).toEqual([]);
    }
    expect(await found(agent, 'projects', `${firm} reforma`)).toEqual([project.id]);
    expect(await found(agent, 'invoices', `${firm} ${digits}`)).toEqual([invoice.id]);
    expect(await found(agent, 'invoices', `${firm} reforma`)).toEqual([]);
  });

  test('only what the user\'s portfolio holds: another agent finds nothing, an admin everything', async () => {
    for (const list of lists) {
      expect(await found(outsider, list, firm)).toEqual([]);
      expect(await found(admin, list, firm)).toEqual([mine(list)]);
    }
  });

  test('after the company is renamed, its new name finds its records and the old one no longer does', async () => {
    const renamed = uniqueWord('r').toLowerCase();
    const current = expectOk<Account>(await agent.get(`/api/v1/accounts/${company.id}`));
    expectOk<Account>(await agent.patch(`/api/v1/accounts/${company.id}`, { version: current.version, name: `Lentes ${renamed}` }));
    for (const list of lists) {
      expect(await found(agent, list, `lentes ${renamed}`)).toEqual([mine(list)]);
      expect(await found(agent, list, firm)).toEqual([]);
    }
  });

  test('after the record\'s own text changes, the new words find it and the old ones no longer do', async () => {
    const fresh = uniqueWord('n').toLowerCase();
    const edited = expectOk<Project>(await agent.patch(`/api/v1/projects/${project.id}`, { version: project.version, name: `Ampliación ${fresh}` }));
    expect(await found(agent, 'projects', `ampliacion ${fresh}`)).toEqual([edited.id]);
    expect(await found(agent, 'projects', own)).toEqual([]);
    const changed = expectOk<Agreement>(await agent.patch(`/api/v1/agreements/${agreement.id}`, { version: agreement.version, reference: `CTR-${fresh}` }));
    expect(await found(agent, 'agreements', `ctr-${fresh}`)).toEqual([changed.id]);
    expect(await found(agent, 'agreements', `REF-${digits}`)).toEqual([]);
    expect(await found(agent, 'agreements', own)).toEqual([changed.id]);
  });

  test('a purged company\'s records leave no search terms behind', async () => {
    const gone = await t.account(agent, { kind: 'organization', name: uniqueWord('Gone ') });
    const made = expectOk<Invoice>(await agent.post('/api/v1/invoices', { number: uniqueWord('G-'), organizationId: gone.id, currency: 'EUR', net: 100, tax: 0 }), 201);
    await t.db.deleteFrom('accounts').where('id', '=', gone.id).execute();
    const left = await t.db.selectFrom('record_terms').select('term').where('record_id', '=', made.id).execute();
    expect(left).toEqual([]);
  });
});
