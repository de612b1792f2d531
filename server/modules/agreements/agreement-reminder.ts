import type { Language } from '@contract/common';
import type { ActivityRow, AgreementRow, Db } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import type { Actor } from '@server/policies';
import { activityColumnsOf, activityFieldsOf, auditedActivityFields, type ActivityFields } from '@server/modules/activities/activity-fields';
import { insertActivity, updateActivityRow } from '@server/modules/activities/activities.repo';
import { writeAudit } from '@server/modules/audit/audit.repo';

// A renewal reminder date becomes a task of the agreement's owner, with a reminder at 09:00 UTC of
// that day: so it shows in their bell, reminders and calendar like any other activity, and they mark
// it done there. The agreement keeps the task's id and moves it when the date, owner or title change.

const subjects: Record<Language, string> = { es: 'Renovar el acuerdo: {{title}}', en: 'Renew the agreement: {{title}}' };

const subjectOf = (language: Language, title: string): string => subjects[language].replace('{{title}}', title).slice(0, 200);

type Reminded = Pick<AgreementRow, 'id' | 'organization_id' | 'project_id' | 'title' | 'owner_id' | 'renewal_remind_on' | 'reminder_activity_id' | 'status'>;

async function ownerLanguage(trx: Db, userId: string): Promise<Language> {
  const row = await trx.selectFrom('users').select('language').where('id', '=', userId).executeTakeFirst();
  return row?.language ?? 'es';
}

async function fieldsFor(trx: Db, agreement: Reminded, day: string): Promise<ActivityFields> {
  const at = `${day}T09:00:00.000Z`;
  return {
    type: 'task', subject: subjectOf(await ownerLanguage(trx, agreement.owner_id), agreement.title), startAt: at, endAt: null, dueAt: at,
    responsibleId: agreement.owner_id, requestId: null, opportunityId: null, projectId: agreement.project_id, campaignId: null, notes: null,
    private: false, remindAt: at, result: null,
  };
}

/**
 * Makes the agreement's renewal task match it, in the caller's transaction, and answers the task's
 * id to keep. A scheduled task follows the agreement (date, owner, title, project); no date (or a
 * terminated agreement) cancels it; a task already done or cancelled stays as it is, and a new one is
 * made only when the date itself changed (a new renewal to think about).
 */
export async function syncRenewalReminder(trx: Db, actor: Actor, agreement: Reminded, dateChanged: boolean): Promise<string | null> {
  const current = agreement.reminder_activity_id
    ? await trx.selectFrom('activities').selectAll().where('id', '=', agreement.reminder_activity_id).executeTakeFirst()
    : undefined;
  const scheduled = current?.status === 'scheduled' ? current : undefined;
  const day = agreement.status === 'terminated' ? null : agreement.renewal_remind_on;
  const now = nowIso();
  const audit = (id: string, action: string, changes: ReturnType<typeof diffFields>) =>
    writeAudit(trx, { actorId: actor.id, entity: 'activity', entityId: id, accountId: agreement.organization_id, action, changes });

  if (day === null) {
    if (!scheduled) return current?.id ?? null;
    if (!(await updateActivityRow(trx, scheduled.id, scheduled.version, { status: 'cancelled', updated_at: now, updated_by: actor.id }))) throw new AppError('stale_version');
    await audit(scheduled.id, 'activity_cancelled', [{ field: 'subject', before: null, after: scheduled.subject }, { field: 'status', before: 'scheduled', after: 'cancelled' }]);
    return scheduled.id;
  }
  const next = await fieldsFor(trx, agreement, day);
  if (scheduled) {
    const old = activityFieldsOf(scheduled);
    const changes = diffFields(old, next, auditedActivityFields);
    if (changes.length === 0) return scheduled.id;
    const patch: Partial<ActivityRow> = { ...activityColumnsOf(next), updated_at: now, updated_by: actor.id };
    // A new reminder time is a new reminder: it shows again when it falls due.
    if (next.remindAt !== old.remindAt) patch.reminded_at = null;
    if (!(await updateActivityRow(trx, scheduled.id, scheduled.version, patch))) throw new AppError('stale_version');
    await audit(scheduled.id, 'activity_updated', changes.some((change) => change.field === 'subject') ? changes : [{ field: 'subject', before: null, after: next.subject }, ...changes]);
    return scheduled.id;
  }
  if (current && !dateChanged) return current.id;
  const id = newId();
  await insertActivity(trx, {
    id, account_id: agreement.organization_id, status: 'scheduled', ...activityColumnsOf(next), agreement_id: agreement.id, reminded_at: null, done_at: null,
    created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
  });
  await audit(id, 'activity_created', diffFields(null, next, auditedActivityFields));
  return id;
}
