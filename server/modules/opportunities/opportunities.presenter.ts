import type { Opportunity, OpportunityCard, OpportunityPerson } from '@contract/opportunities';
import type { OpportunityRow } from '@server/db/database';
import { firstOfJsonArray } from '@server/lib/json';
import { addDays } from '@server/lib/time';
import type { CardRow } from './opportunities.repo';

/**
 * Stale (Odoo's red card, Krayin's "rotten"): an open deal whose next activity is overdue, or with
 * nothing planned and nothing done for the pipeline's stale days (counted from its creation when
 * it never had an activity).
 */
export function isStale(row: Pick<CardRow, 'status' | 'next_due_at' | 'last_activity_at' | 'created_at'>, staleDays: number, now: string): boolean {
  if (row.status !== 'open') return false;
  if (row.next_due_at !== null) return row.next_due_at < now;
  const last = row.last_activity_at !== null && row.last_activity_at > row.created_at ? row.last_activity_at : row.created_at;
  return last < addDays(now, -staleDays);
}

export function presentCard(row: CardRow, staleDays: number, now: string): OpportunityCard {
  return {
    id: row.id,
    name: row.name,
    organization: { id: row.organization_id, name: row.organization_name },
    amount: row.amount === null ? null : Number(row.amount),
    currency: row.currency,
    expectedCloseOn: row.expected_close_on,
    probability: row.probability,
    stage: row.stage,
    status: row.status,
    owner: { id: row.owner_id, name: row.owner_name },
    nextActivityDueAt: row.next_due_at,
    lastActivityAt: row.last_activity_at,
    stale: isStale(row, staleDays, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

type PersonRow = { id: string; name: string; emails: string; phones: string; role: string | null; position: string | null };

export const presentPerson = (row: PersonRow): OpportunityPerson => ({
  person: { id: row.id, name: row.name, email: firstOfJsonArray(row.emails), phone: firstOfJsonArray(row.phones) },
  role: row.role,
  position: row.position,
});

export function presentOpportunity(
  card: OpportunityCard, row: OpportunityRow, people: PersonRow[], tags: Opportunity['tags'], createdByName: string | null,
  campaign: Opportunity['campaign'],
): Opportunity {
  return {
    ...card,
    source: row.source,
    lostReason: row.lost_reason,
    lostNote: row.lost_note,
    notes: row.notes,
    closedAt: row.closed_at,
    people: people.map(presentPerson),
    tags,
    createdBy: row.created_by && createdByName ? { id: row.created_by, name: createdByName } : null,
    campaign,
  };
}
