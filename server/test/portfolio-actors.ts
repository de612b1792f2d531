import type { Client, TestApp } from './test-app';
import { expectOk, uniqueWord } from './state';

/**
 * The policy tables' world for records that belong to an organization: six actors, of whom the two
 * outside its portfolio must be refused. One place so the project, invoice and opportunity tables agree.
 */
export const portfolioActors = ['admin', 'manager', 'owner agent', 'team-mate agent (scope team)', 'agent of another team (scope team)', 'agent without the organization'] as const;
export type PortfolioActor = (typeof portfolioActors)[number];

export const seesPortfolio = (actor: PortfolioActor): boolean => actor !== 'agent without the organization' && actor !== 'agent of another team (scope team)';

/** Every actor × action cell with what it must get. */
export function policyCells<A extends string>(actions: readonly A[]) {
  return portfolioActors.flatMap((actor) => actions.map((action) => ({ actor, action, expected: seesPortfolio(actor) ? 'allowed' : 'refused' })));
}

/** Signs in the six actors; the owner agent and the team-mate share a team, the other team's agent does not. */
export async function portfolioClients(t: TestApp, admin: Client): Promise<(name: PortfolioActor) => Client> {
  const team = expectOk<{ id: string }>(await admin.post('/api/v1/teams', { name: uniqueWord('Ventas ') }), 201);
  const otherTeam = expectOk<{ id: string }>(await admin.post('/api/v1/teams', { name: uniqueWord('Otros ') }), 201);
  const clients = new Map<PortfolioActor, Client>([
    ['admin', await t.user({ role: 'admin', scope: 'own' })],
    ['manager', await t.user({ role: 'manager', scope: 'own' })],
    ['owner agent', await t.user({ role: 'agent', scope: 'own', teamId: team.id })],
    ['team-mate agent (scope team)', await t.user({ role: 'agent', scope: 'team', teamId: team.id })],
    ['agent of another team (scope team)', await t.user({ role: 'agent', scope: 'team', teamId: otherTeam.id })],
    ['agent without the organization', await t.user({ role: 'agent', scope: 'own' })],
  ]);
  return (name) => {
    const found = clients.get(name);
    if (!found) throw new Error(name);
    return found;
  };
}
