import type { RequestRow } from '@server/db/database';

/** A request's editable fields in API terms: what forms send and what history compares. */
export type RequestFields = {
  requestedAt: string;
  interest: string | null;
  group: string | null;
  channel: string | null;
  source: string | null;
  status: string | null;
  handled: boolean;
  reason: string | null;
  notes: string | null;
  responsibleId: string | null;
};

export const auditedRequestFields = [
  'requestedAt', 'interest', 'group', 'channel', 'source', 'status', 'handled', 'reason', 'notes', 'responsibleId',
] as const satisfies ReadonlyArray<keyof RequestFields>;

export const requestFieldsOf = (row: RequestRow): RequestFields => ({
  requestedAt: row.requested_at,
  interest: row.interest,
  group: row.request_group,
  channel: row.channel,
  source: row.source,
  status: row.status,
  handled: row.handled,
  reason: row.reason,
  notes: row.notes,
  responsibleId: row.responsible_id,
});

export const requestColumnsOf = (fields: RequestFields) => ({
  requested_at: fields.requestedAt,
  interest: fields.interest,
  request_group: fields.group,
  channel: fields.channel,
  source: fields.source,
  status: fields.status,
  handled: fields.handled,
  reason: fields.reason,
  notes: fields.notes,
  responsible_id: fields.responsibleId,
});
