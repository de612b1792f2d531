import type { OpportunityRow } from '@server/db/database';
import { normalizeText } from '@server/lib/normalize';

/** An opportunity's editable fields in API terms: what forms send and what history compares. */
export type OpportunityFields = {
  name: string;
  amount: number | null;
  currency: string;
  expectedCloseOn: string;
  probability: number;
  source: string | null;
  ownerId: string;
  stage: string;
  status: 'open' | 'won' | 'lost';
  lostReason: string | null;
  lostNote: string | null;
  notes: string | null;
};

export const auditedOpportunityFields = [
  'name', 'amount', 'currency', 'expectedCloseOn', 'probability', 'source', 'ownerId', 'stage', 'status', 'lostReason', 'lostNote', 'notes',
] as const satisfies ReadonlyArray<keyof OpportunityFields>;

export const opportunityFieldsOf = (row: OpportunityRow): OpportunityFields => ({
  name: row.name,
  amount: row.amount === null ? null : Number(row.amount),
  currency: row.currency,
  expectedCloseOn: row.expected_close_on,
  probability: row.probability,
  source: row.source,
  ownerId: row.owner_id,
  stage: row.stage,
  status: row.status,
  lostReason: row.lost_reason,
  lostNote: row.lost_note,
  notes: row.notes,
});

export const opportunityColumnsOf = (fields: OpportunityFields) => ({
  name: fields.name,
  name_norm: normalizeText(fields.name),
  amount: fields.amount,
  currency: fields.currency,
  expected_close_on: fields.expectedCloseOn,
  probability: fields.probability,
  source: fields.source,
  owner_id: fields.ownerId,
  stage: fields.stage,
  status: fields.status,
  lost_reason: fields.lostReason,
  lost_note: fields.lostNote,
  notes: fields.notes,
});
