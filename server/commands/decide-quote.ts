import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { nowIso } from '@server/lib/time';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { notify } from '@server/modules/notifications/notifications.service';
import { topPosition } from '@server/modules/opportunities/board.repo';
import { findOpportunity, updateOpportunityRow } from '@server/modules/opportunities/opportunities.repo';
import { pipelineStages } from '@server/modules/opportunities/pipeline.service';
import { effectiveStatus } from '@server/modules/quotes/quotes.presenter';
import { updateQuoteRow, type QuoteRow } from '@server/modules/quotes/quotes.repo';

export type Decision = {
  outcome: 'accepted' | 'declined';
  /** The name the customer typed (or the user recorded); a decline on the public page may come without one. */
  name: string | null;
  reason: string | null;
  /** Where the public page's answer came from; null when a user records it. */
  ip: string | null;
  /** The user who recorded it; null for the customer on the public page. */
  actorId: string | null;
};

/**
 * The customer's answer to a sent quote, in the caller's transaction: recorded with who, when and
 * from where; an accepted quote wins its opportunity (moved to the pipeline's won stage), a
 * declined one is noted on it; the quote's owner hears of it in the bell, and the account's and
 * opportunity's timelines tell it. An expired quote cannot be accepted (nor declined: it lapsed).
 */
export async function recordQuoteDecision(trx: Db, quote: QuoteRow, decision: Decision): Promise<void> {
  const now = nowIso();
  const status = effectiveStatus(quote, now.slice(0, 10));
  if (status === 'expired') throw new AppError('quote_expired');
  if (status !== 'sent') throw new AppError('quote_not_open');
  const patch = { status: decision.outcome, decided_at: now, decided_name: decision.name, decided_ip: decision.ip, decline_reason: decision.outcome === 'declined' ? decision.reason : null, updated_at: now };
  if (!(await updateQuoteRow(trx, quote.id, quote.version, patch))) throw new AppError('stale_version');
  await writeAudit(trx, {
    actorId: decision.actorId, entity: 'quote', entityId: quote.id, accountId: quote.account_id, action: `quote_${decision.outcome}`,
    changes: [{ field: 'number', before: null, after: quote.number }, { field: 'name', before: null, after: decision.name }, ...(decision.reason ? [{ field: 'reason', before: null, after: decision.reason }] : [])],
  });
  if (quote.opportunity_id) await followOpportunity(trx, quote, decision);
  await notify(trx, {
    userIds: [quote.owner_id], kind: `quote_${decision.outcome}`, accountId: quote.account_id,
    params: { quoteId: quote.id, number: quote.number, name: decision.name, reason: decision.reason },
  });
}

/** Wins the quote's open opportunity, or notes the decline on it. */
async function followOpportunity(trx: Db, quote: QuoteRow, decision: Decision): Promise<void> {
  const opportunity = quote.opportunity_id ? await findOpportunity(trx, quote.opportunity_id) : undefined;
  if (!opportunity || opportunity.status !== 'open') return;
  if (decision.outcome === 'declined') {
    await writeAudit(trx, {
      actorId: decision.actorId, entity: 'opportunity', entityId: opportunity.id, accountId: opportunity.organization_id, action: 'quote_declined',
      changes: [{ field: 'number', before: null, after: quote.number }, { field: 'reason', before: null, after: decision.reason }],
    });
    return;
  }
  const won = (await pipelineStages(trx)).find((stage) => stage.outcome === 'won' && stage.active);
  if (!won) return;
  const now = nowIso();
  const patch = { stage: won.key, status: 'won' as const, probability: won.probability, closed_at: now, position: await topPosition(trx, won.key, opportunity.id), updated_at: now, updated_by: decision.actorId };
  if (!(await updateOpportunityRow(trx, opportunity.id, opportunity.version, patch))) throw new AppError('stale_version');
  await writeAudit(trx, {
    actorId: decision.actorId, entity: 'opportunity', entityId: opportunity.id, accountId: opportunity.organization_id, action: 'opportunity_updated',
    changes: [{ field: 'name', before: null, after: opportunity.name }, { field: 'stage', before: opportunity.stage, after: won.key }, { field: 'status', before: 'open', after: 'won' }, { field: 'quote', before: null, after: quote.number }],
  });
}
