import type { Activity } from '@contract/activities';
import { presentAccountRef } from '@server/modules/requests/requests.presenter';
import type { ActivityView } from './activities.repo';

export function presentActivity(row: ActivityView): Activity {
  return {
    id: row.id,
    account: presentAccountRef(row),
    requestId: row.request_id,
    opportunityId: row.opportunity_id,
    projectId: row.project_id ?? null,
    campaignId: row.campaign_id ?? null,
    type: row.type,
    status: row.status,
    subject: row.subject,
    startAt: row.start_at,
    endAt: row.end_at,
    dueAt: row.due_at,
    responsible: { id: row.responsible_id, name: row.responsible_name },
    result: row.result,
    notes: row.notes,
    private: row.is_private,
    remindAt: row.remind_at,
    doneAt: row.done_at,
    createdAt: row.created_at,
    version: row.version,
  };
}
