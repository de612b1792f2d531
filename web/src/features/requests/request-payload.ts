import type { Request } from '@contract/requests';
import { fromLocalInput, toLocalInput } from '@web/features/activities/local-time';
import type { RequestValues } from './request-fields.component';

export function requestValues(request: Request | null, me: string): RequestValues {
  return {
    requestedAt: toLocalInput(request?.requestedAt ?? new Date().toISOString()),
    interest: request?.interest ?? null,
    group: request?.group ?? null,
    channel: request?.channel ?? null,
    source: request?.source ?? null,
    status: request?.status ?? 'new',
    handled: request?.handled ?? false,
    reason: request?.reason ?? '',
    notes: request?.notes ?? '',
    responsibleId: request?.responsible?.id ?? me,
  };
}

/** The API's fields from the form's (empty date means "now" on the server). */
export function requestPayload(values: RequestValues) {
  return {
    requestedAt: fromLocalInput(values.requestedAt) ?? undefined,
    interest: values.interest,
    group: values.group,
    channel: values.channel,
    source: values.source,
    status: values.status,
    handled: values.handled,
    reason: values.reason,
    notes: values.notes,
    responsibleId: values.responsibleId,
  };
}
