import type { AccountRef, Request } from '@contract/requests';
import type { RequestView } from './requests.repo';

/** The account a request or an activity hangs off, as lists show it (from the view's joined columns). */
export const presentAccountRef = (row: { account_id: string; account_kind: AccountRef['kind']; account_name: string; account_stage: string }): AccountRef => ({
  id: row.account_id, kind: row.account_kind, name: row.account_name, stage: row.account_stage,
});

export function presentRequest(row: RequestView): Request {
  return {
    id: row.id,
    account: presentAccountRef(row),
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
