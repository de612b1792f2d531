import type { TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Db } from '@server/db/database';
import { authorize, type Actor } from '@server/policies';
import { linkedHistoryPage } from '@server/modules/audit/linked-history';
import { presentEntry } from '@server/modules/accounts/timeline.presenter';
import { requireVisibleAgreement } from './agreements.service';

/** GET /agreements/:id/history: its changes and its renewal tasks' entries. */
export async function agreementHistory(db: Db, actor: Actor, id: string, page: { limit: number; cursor?: string | undefined }): Promise<ListResponse<TimelineEntry>> {
  authorize(actor, { domain: 'agreement', action: 'read' });
  const agreement = await requireVisibleAgreement(db, actor, id);
  const result = await linkedHistoryPage(db, actor, { entity: 'agreement', id, link: 'agreement_id' }, page);
  const items = result.rows.map((row) => presentEntry(agreement.organization_id, row, new Map(), null));
  return { items, nextCursor: result.nextCursor, total: result.total, totalIsEstimate: result.totalIsEstimate };
}
