import type { TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Db } from '@server/db/database';
import { authorize, type Actor } from '@server/policies';
import { linkedHistory } from '@server/modules/audit/linked-history';
import { requireVisibleProject } from './projects.service';

/** GET /projects/:id/history: its changes, and its tasks' and documents' entries (private tasks only for whoever may see them). */
export async function projectHistory(db: Db, actor: Actor, id: string, page: { limit: number; cursor?: string | undefined }): Promise<ListResponse<TimelineEntry>> {
  authorize(actor, { domain: 'project', action: 'read' });
  const project = await requireVisibleProject(db, actor, id);
  return linkedHistory(db, actor, { entity: 'project', id, link: 'project_id' }, project.organization_id, page);
}
