import { describe, expect, it } from 'vitest';
import type { Opportunity } from '@contract/opportunities';
import { initialValues, updatePayload } from './opportunity-form-values';

const lost = {
  id: '01890000-0000-7000-8000-000000000001', name: 'Flota', organization: { id: '01890000-0000-7000-8000-000000000002', name: 'Talleres' },
  amount: 150_050, currency: 'EUR', expectedCloseOn: '2027-03-01', probability: 0, stage: 'lost', status: 'lost',
  owner: { id: '01890000-0000-7000-8000-000000000003', name: 'Ana' }, nextActivityDueAt: null, lastActivityAt: null, stale: false,
  createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z', version: 3, source: null, lostReason: 'price', lostNote: null,
  notes: null, closedAt: '2026-12-01T00:00:00.000Z', people: [], tags: [], createdBy: null, campaign: null,
} satisfies Opportunity;

describe('the edit form sends only what changed', () => {
  it('nothing but the version when nothing changed (the amount read back as typed)', () => {
    expect(updatePayload(initialValues(lost, null, lost.owner.id), lost)).toEqual({ version: 3 });
  });

  it('a lost deal\'s new reason and note', () => {
    const values = { ...initialValues(lost, null, lost.owner.id), lostReason: 'competitor', lostNote: '  Eligió a otro  ' };
    expect(updatePayload(values, lost)).toEqual({ version: 3, lostReason: 'competitor', lostNote: 'Eligió a otro' });
  });

  it('reopening sends the stage and never the reason (the server clears it)', () => {
    const values = { ...initialValues(lost, null, lost.owner.id), stage: 'proposal', probability: 50 as const, lostReason: 'competitor' };
    expect(updatePayload(values, lost)).toEqual({ version: 3, stage: 'proposal', probability: 50 });
  });
});
