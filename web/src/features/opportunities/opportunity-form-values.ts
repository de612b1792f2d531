import type { Opportunity, OpportunityCreate, OpportunityUpdate } from '@contract/opportunities';
import { majorText, minorUnits } from '@contract/money';

/** What the form holds: the amount as typed in major units, people as rows of person and role. */
export type OpportunityFormValues = {
  organizationId: string | null;
  name: string;
  amount: string;
  currency: string;
  expectedCloseOn: string | null;
  stage: string | null;
  probability: number | '';
  ownerId: string | null;
  source: string | null;
  notes: string;
  /** A lost deal's reason (a configurable list) and note, edited on a lost deal only. */
  lostReason: string | null;
  lostNote: string;
  people: Array<{ personId: string | null; role: string | null }>;
};

export function initialValues(opportunity: Opportunity | null, organizationId: string | null, meId: string): OpportunityFormValues {
  return {
    organizationId: opportunity?.organization.id ?? organizationId,
    name: opportunity?.name ?? '',
    amount: opportunity?.amount === null || opportunity === null ? '' : majorText(opportunity.amount, opportunity.currency),
    currency: opportunity?.currency ?? 'EUR',
    expectedCloseOn: opportunity?.expectedCloseOn ?? null,
    stage: opportunity?.stage ?? null,
    probability: opportunity?.probability ?? '',
    ownerId: opportunity?.owner.id ?? meId,
    source: opportunity?.source ?? null,
    notes: opportunity?.notes ?? '',
    lostReason: opportunity?.lostReason ?? null,
    lostNote: opportunity?.lostNote ?? '',
    people: [],
  };
}

/** The amount typed as minor units (null when empty, undefined when it is no amount: the form says so). */
export function amountOf(values: OpportunityFormValues): number | null | undefined {
  if (values.amount.trim() === '') return null;
  return minorUnits(values.amount, values.currency) ?? undefined;
}

export function createPayload(values: OpportunityFormValues): OpportunityCreate {
  return {
    organizationId: values.organizationId ?? '',
    name: values.name,
    amount: amountOf(values) ?? null,
    currency: values.currency,
    expectedCloseOn: values.expectedCloseOn ?? '',
    stage: values.stage ?? undefined,
    probability: values.probability === '' ? undefined : values.probability,
    ownerId: values.ownerId ?? undefined,
    source: values.source,
    notes: values.notes || null,
    people: values.people.flatMap((row) => (row.personId ? [{ personId: row.personId, role: row.role }] : [])),
  };
}

/** Only what changed, so a stage change brings its probability unless the probability was edited too. */
export function updatePayload(values: OpportunityFormValues, opportunity: Opportunity): OpportunityUpdate {
  const payload: OpportunityUpdate = { version: opportunity.version };
  const amount = amountOf(values) ?? null;
  if (values.name !== opportunity.name) payload.name = values.name;
  if (amount !== opportunity.amount) payload.amount = amount;
  if (values.currency !== opportunity.currency) payload.currency = values.currency;
  if (values.expectedCloseOn && values.expectedCloseOn !== opportunity.expectedCloseOn) payload.expectedCloseOn = values.expectedCloseOn;
  if (values.stage && values.stage !== opportunity.stage) payload.stage = values.stage;
  if (values.probability !== '' && values.probability !== opportunity.probability) payload.probability = values.probability;
  if (values.ownerId && values.ownerId !== opportunity.owner.id) payload.ownerId = values.ownerId;
  if (values.source !== opportunity.source) payload.source = values.source;
  if ((values.notes || null) !== opportunity.notes) payload.notes = values.notes || null;
  // Only a deal that stays lost keeps a reason and a note (the server refuses them on any other).
  if (opportunity.status === 'lost' && !payload.stage) {
    if (values.lostReason !== opportunity.lostReason) payload.lostReason = values.lostReason;
    if ((values.lostNote.trim() || null) !== opportunity.lostNote) payload.lostNote = values.lostNote.trim() || null;
  }
  return payload;
}
