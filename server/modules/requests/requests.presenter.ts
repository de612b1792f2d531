import type { Request } from '@contract/requests';
import type { RequestView } from './requests.repo';

export function presentRequest(row: RequestView): Request {
  return {
    id: row.id,
    account: { id: row.account_id, kind: row.account_kind, name: row.account_name, stage: row.account_stage },
    requestedAt: row.requested_at,
    interest: row.interest,
    group: row.request_group,
    channel: row.channel,
    source: row.source,
    status: row.status,
    handled: row.handled,
    reason: row.reason,
    notes: row.notes,
    responsible: row.responsible_id && row.responsible_name ? { id: row.responsible_id, name: row.responsible_name } : null,
    createdAt: row.created_at,
    version: row.version,
  };
}
