import type { TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Db } from '@server/db/database';
import { authorize, type Actor } from '@server/policies';
import { linkedHistory } from '@server/modules/audit/linked-history';
import { requireVisibleAgreement } from './agreements.service';

/** GET /agreements/:id/history: its changes and its renewal tasks' entries. */
export async function agreementHistory(db: Db, actor: Actor, id: string, page: { limit: number; cursor?: string | undefined }): Promise<ListResponse<TimelineEntry>> {
  authorize(actor, { domain: 'agreement', action: 'read' });
  const agreement = await requireVisibleAgreement(db, actor, id);
  return linkedHistory(db, actor, { entity: 'agreement', id, link: 'agreement_id' }, agreement.organization_id, page);
}
