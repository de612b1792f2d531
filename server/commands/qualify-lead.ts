import { unqualifySchema } from '@contract/requests';
import { qualifyWithOpportunitySchema, type Qualified, type QualifyWithOpportunity } from '@contract/opportunity-actions';
import { z } from 'zod';
import type { Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { parseJsonColumn } from '@server/lib/json';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { updateAccountRow } from '@server/modules/accounts/accounts.repo';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { contactsOfOrganization } from '@server/modules/opportunities/opportunities.repo';
import { openOpportunity } from '@server/modules/opportunities/opportunities.service';
import { openRequestsOf, updateRequestRow } from '@server/modules/requests/requests.repo';

const stageChange = z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }));

/**
 * Qualifies a lead (seed 002: "calificar"): the account becomes a customer, its history says who
 * and when, and, if asked, its open requests are marked handled and an opportunity is opened for
 * its organization, all in one transaction (a refused opportunity leaves the lead a lead).
 */
export async function qualifyLead(db: Db, actor: Actor, accountId: string, input: QualifyWithOpportunity): Promise<Qualified> {
  const data = qualifyWithOpportunitySchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'lead', action: 'qualify' });
    if (account.version !== data.version) throw new AppError('stale_version');
    if (account.stage === 'customer') throw new AppError('already_customer');
    const now = nowIso();
    if (!(await updateAccountRow(trx, accountId, data.version, { stage: 'customer', updated_at: now, updated_by: actor.id }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'account', entityId: accountId, accountId, action: 'qualified', changes: [{ field: 'stage', before: account.stage, after: 'customer' }] });
    let handledRequests = 0;
    if (data.markRequestsHandled) {
      const open = await openRequestsOf(trx, accountId);
      for (const request of open) {
        if (!(await updateRequestRow(trx, request.id, request.version, { handled: true, updated_at: now }))) throw new AppError('stale_version');
        await writeAudit(trx, { actorId: actor.id, entity: 'request', entityId: request.id, accountId, action: 'request_updated', changes: [{ field: 'handled', before: false, after: true }] });
      }
      handledRequests = open.length;
    }
    if (!data.opportunity) return { handledRequests, opportunityId: null };
    authorize(actor, { domain: 'opportunity', action: 'create' });
    const { organizationId, people = [], ...fields } = data.opportunity;
    const opportunityId = newId();
    if (account.kind === 'organization') {
      await openOpportunity(trx, actor, opportunityId, { ...fields, people, organizationId: account.id });
    } else {
      // A person lead: an organization they belong to, and they take part in the deal.
      if (!organizationId || !(await contactsOfOrganization(trx, organizationId, [account.id])).has(account.id)) throw fieldError('opportunity.organizationId', 'not_a_contact');
      const withLead = people.some((person) => person.personId === account.id) ? people : [{ personId: account.id, role: null }, ...people];
      await openOpportunity(trx, actor, opportunityId, { ...fields, people: withLead, organizationId });
    }
    return { handledRequests, opportunityId };
  });
}

/** Undoes a qualification (admins): back to the stage the account had before, recorded in its history. */
export async function unqualifyLead(db: Db, actor: Actor, accountId: string, input: { version: number }): Promise<void> {
  const data = unqualifySchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'lead', action: 'unqualify' });
    if (account.version !== data.version) throw new AppError('stale_version');
    const last = await trx
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('account_id', '=', accountId)
      .where('entity', '=', 'account')
      .where('action', 'in', ['qualified', 'unqualified'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    // Only a customer whose last such step was a qualification can be taken back.
    if (account.stage !== 'customer' || last?.action !== 'qualified') throw new AppError('not_qualified');
    const before = parseJsonColumn(last.changes, stageChange, []).find((change) => change.field === 'stage')?.before;
    const previous = typeof before === 'string' ? before : 'lead';
    const now = nowIso();
    if (!(await updateAccountRow(trx, accountId, data.version, { stage: previous, updated_at: now, updated_by: actor.id }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'account', entityId: accountId, accountId, action: 'unqualified', changes: [{ field: 'stage', before: 'customer', after: previous }] });
  });
}
