import type { ActivityRow } from '@server/db/database';

/** An activity's editable fields in API terms: what forms send and what history compares. */
export type ActivityFields = {
  type: string;
  subject: string;
  startAt: string;
  endAt: string | null;
  dueAt: string;
  responsibleId: string;
  requestId: string | null;
  opportunityId: string | null;
  projectId: string | null;
  campaignId: string | null;
  notes: string | null;
  private: boolean;
  remindAt: string | null;
  result: string | null;
};

export const auditedActivityFields = [
  'type', 'subject', 'startAt', 'endAt', 'dueAt', 'responsibleId', 'requestId', 'opportunityId', 'projectId', 'campaignId', 'notes', 'private', 'remindAt', 'result',
] as const satisfies ReadonlyArray<keyof ActivityFields>;

export const activityFieldsOf = (row: ActivityRow): ActivityFields => ({
  type: row.type,
  subject: row.subject,
  startAt: row.start_at,
  endAt: row.end_at,
  dueAt: row.due_at,
  responsibleId: row.responsible_id,
  requestId: row.request_id,
  opportunityId: row.opportunity_id,
  projectId: row.project_id ?? null,
  campaignId: row.campaign_id ?? null,
  notes: row.notes,
  private: row.is_private,
  remindAt: row.remind_at,
  result: row.result,
});

export const activityColumnsOf = (fields: ActivityFields) => ({
  type: fields.type,
  subject: fields.subject,
  start_at: fields.startAt,
  end_at: fields.endAt,
  due_at: fields.dueAt,
  responsible_id: fields.responsibleId,
  request_id: fields.requestId,
  opportunity_id: fields.opportunityId,
  project_id: fields.projectId,
  campaign_id: fields.campaignId,
  notes: fields.notes,
  is_private: fields.private,
  remind_at: fields.remindAt,
  result: fields.result,
});

/** Instants arrive with any offset; they are stored as UTC ISO strings so they sort as text. */
export const utc = (value: string): string => new Date(value).toISOString();
export const utcOrNull = (value: string | null | undefined): string | null => (value ? utc(value) : null);
