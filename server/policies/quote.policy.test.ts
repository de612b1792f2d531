import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ListResponse } from '@contract/common';
import type { Quote, QuoteCard } from '@contract/quotes';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

/**
 * Quotes as a table: actor × route. A quote is visible exactly when its account is (the
 * portfolio rule). Refused actors get 404 for the quote's own routes, and their refused writes
 * change nothing; the list leaves the quote out.
 */
const actors = ['admin', 'manager', 'owner agent', 'team-mate agent (scope team)', 'agent of another team (scope team)', 'agent without the account'] as const;
const actions = ['read', 'list contains', 'create on the account', 'update', 'set lines', 'finalize', 'send', 'revise', 'decision', 'pdf'] as const;
type ActorName = (typeof actors)[number];

const sees = (actor: ActorName): boolean => actor !== 'agent without the account' && actor !== 'agent of another team (scope team)';
const cells = actors.flatMap((actor) => actions.map((action) => ({ actor, action, expected: sees(actor) ? 'allowed' : 'refused' })));

let t: TestApp;
let admin: Client;
const clients = new Map<ActorName, Client>();

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  const team = expectOk<{ id: string }>(await admin.post('/api/v1/teams', { name: uniqueWord('Ventas ') }), 201);
  const otherTeam = expectOk<{ id: string }>(await admin.post('/api/v1/teams', { name: uniqueWord('Otros ') }), 201);
  clients.set('admin', await t.user({ role: 'admin', scope: 'own' }));
  clients.set('manager', await t.user({ role: 'manager', scope: 'own' }));
  clients.set('owner agent', await t.user({ role: 'agent', scope: 'own', teamId: team.id }));
  clients.set('team-mate agent (scope team)', await t.user({ role: 'agent', scope: 'team', teamId: team.id }));
  clients.set('agent of another team (scope team)', await t.user({ role: 'agent', scope: 'team', teamId: otherTeam.id }));
  clients.set('agent without the account', await t.user({ role: 'agent', scope: 'own' }));
  // Sending queues in the outbox; no sender runs here, so the address is never dialled.
  expectOk(await admin.put('/api/v1/settings/mail', { version: 0, host: '127.0.0.1', port: 2525, tlsMode: 'none', fromAddress: 'ventas@cartera.example', ratePerMinute: 1000 }));
});

afterAll(async () => t.close());

const client = (name: ActorName): Client => {
  const found = clients.get(name);
  if (!found) throw new Error(name);
  return found;
};

/** What a refused write must leave as it was: the quote's row, its lines, and the quotes of its lineage. */
async function state(id: string, rootId: string) {
  const row = await t.db.selectFrom('quotes').select(['status', 'number', 'notes', 'total', 'version', 'decided_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const lines = await t.db.selectFrom('quote_lines').select(['description', 'net']).where('quote_id', '=', id).orderBy('position').execute();
  const lineage = await t.db.selectFrom('quotes').select('id').where('root_id', '=', rootId).execute();
  return { row, lines, lineage: lineage.length };
}

describe('quote visibility policy', () => {
  test.each(cells)('$actor × $action → $expected', async ({ actor: actorName, action, expected }) => {
    const actor = client(actorName);
    const owner = client('owner agent');
    const word = uniqueWord('cotiza');
    const account = await t.account(admin, { name: `${word} SA`, ownerIds: [owner.user.id] });
    const line = { description: 'Servicio', quantity: 2, unitPrice: 1000, taxRate: 18 };
    const draft = expectOk<Quote>(await owner.post('/api/v1/quotes', { accountId: account.id, lines: [line] }), 201);
    const sent = expectOk<Quote>(await owner.post(`/api/v1/quotes/${(expectOk<Quote>(await owner.post('/api/v1/quotes', { accountId: account.id, lines: [line] }), 201)).id}/finalize`, { version: 1 }));
    const allowed = expected === 'allowed';
    const refusedWrite = async (quote: Quote, response: Awaited<ReturnType<Client['get']>>) => {
      const before = await state(quote.id, quote.id);
      expectProblem(response, 404, 'not_found');
      expect(await state(quote.id, quote.id)).toEqual(before);
    };
    const draftBefore = await state(draft.id, draft.id);
    const sentBefore = await state(sent.id, sent.id);
    const url = (quote: Quote) => `/api/v1/quotes/${quote.id}`;

    switch (action) {
      case 'read': {
        const response = await actor.get(url(sent));
        if (allowed) expect(expectOk<Quote>(response).number).toBe(sent.number);
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'list contains': {
        const list = expectOk<ListResponse<QuoteCard>>(await actor.get(`/api/v1/quotes?q=${word}`));
        expect(list.items.map((item) => item.id).sort()).toEqual(allowed ? [draft.id, sent.id].sort() : []);
        expect(list.total).toBe(allowed ? 2 : 0);
        const byAccount = expectOk<ListResponse<QuoteCard>>(await actor.get(`/api/v1/quotes?accountId=${account.id}`));
        expect(byAccount.total).toBe(allowed ? 2 : 0);
        return;
      }
      case 'create on the account': {
        const before = await t.db.selectFrom('quotes').select('id').where('account_id', '=', account.id).execute();
        const response = await actor.post('/api/v1/quotes', { accountId: account.id, lines: [line] });
        if (allowed) expect(response.statusCode).toBe(201);
        else {
          expectProblem(response, 404, 'not_found');
          expect(await t.db.selectFrom('quotes').select('id').where('account_id', '=', account.id).execute()).toEqual(before);
        }
        return;
      }
      case 'update': {
        const response = await actor.patch(url(draft), { version: draft.version, notes: 'Cambiado' });
        if (allowed) expect(expectOk<Quote>(response).notes).toBe('Cambiado');
        else await refusedWrite(draft, response);
        return;
      }
      case 'set lines': {
        const response = await actor.put(`${url(draft)}/lines`, { version: draft.version, lines: [line, line] });
        if (allowed) expect(expectOk<Quote>(response).total).toBe(4720);
        else await refusedWrite(draft, response);
        return;
      }
      case 'finalize': {
        const response = await actor.post(`${url(draft)}/finalize`, { version: draft.version });
        if (allowed) expect(expectOk<Quote>(response).status).toBe('sent');
        else {
          expectProblem(response, 404, 'not_found');
          expect(await state(draft.id, draft.id)).toEqual(draftBefore);
        }
        return;
      }
      case 'send': {
        const messages = async () => (await t.db.selectFrom('email_messages').select('id').execute()).length;
        const before = await messages();
        const response = await actor.post(`${url(draft)}/send`, { version: draft.version, to: ['compras@example.com'] });
        if (allowed) {
          expect(expectOk<Quote>(response).status).toBe('sent');
          expect(await messages()).toBe(before + 1);
        } else {
          expectProblem(response, 404, 'not_found');
          expect(await state(draft.id, draft.id)).toEqual(draftBefore);
          expect(await messages()).toBe(before);
        }
        return;
      }
      case 'revise': {
        const response = await actor.post(`${url(sent)}/revise`, { version: sent.version });
        if (allowed) expect(expectOk<Quote>(response, 201).revision).toBe(2);
        else {
          expectProblem(response, 404, 'not_found');
          expect(await state(sent.id, sent.id)).toEqual(sentBefore);
        }
        return;
      }
      case 'decision': {
        const response = await actor.post(`${url(sent)}/decision`, { version: sent.version, outcome: 'accepted', name: 'Cliente' });
        if (allowed) expect(expectOk<Quote>(response).status).toBe('accepted');
        else await refusedWrite(sent, response);
        return;
      }
      case 'pdf': {
        const response = await actor.get(`${url(sent)}/pdf`);
        if (allowed) expect(response.headers['content-type']).toBe('application/pdf');
        else expectProblem(response, 404, 'not_found');
        return;
      }
    }
  });
});
