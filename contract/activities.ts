import { z } from 'zod';
import { listValueSchema, userRefSchema } from './accounts';
import { idSchema, listQueryBase, listResponse, optionalText, queryBoolean } from './common';
import { monthWindow } from './list-query';
import { accountRefSchema, addAssigneeAsOwnerSchema } from './requests';

export const activityStatuses = ['scheduled', 'done', 'cancelled'] as const;
export const activityStatusSchema = z.enum(activityStatuses);
export type ActivityStatus = z.infer<typeof activityStatusSchema>;

const instant = z.iso.datetime({ offset: true });

/** The editable fields; `type` is an item key of the activity_type list. */
const activityFields = {
  type: listValueSchema,
  subject: z.string().trim().min(1).max(200),
  startAt: instant,
  endAt: instant.nullable().optional(),
  /** Defaults to startAt: when the activity falls due for the bell. */
  dueAt: instant.nullable().optional(),
  responsibleId: idSchema.optional(),
  requestId: idSchema.nullable().optional(),
  /** An opportunity of the activity's account (the organization it is on). */
  opportunityId: idSchema.nullable().optional(),
  /** A project of the activity's account: a task of that project. */
  projectId: idSchema.nullable().optional(),
  /** A campaign the activity's account is a member of (a call, visit, e-mail or reminder for that member). */
  campaignId: idSchema.nullable().optional(),
  notes: optionalText(10_000),
  private: z.boolean().optional(),
  remindAt: instant.nullable().optional(),
};

function endAfterStart(value: { startAt?: string | undefined; endAt?: string | null | undefined }, ctx: z.RefinementCtx): void {
  if (value.startAt && value.endAt && Date.parse(value.endAt) < Date.parse(value.startAt)) {
    ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'end_before_start', params: { code: 'end_before_start' } });
  }
}

/** An activity is created scheduled, or done at once with its result ("log a call", seed 003). */
export const activityCreateStatuses = ['scheduled', 'done'] as const;

/** What already happened has no reminder. */
function noReminderWhenDone(value: { status?: string | undefined; remindAt?: string | null | undefined }, ctx: z.RefinementCtx): void {
  if (value.status === 'done' && value.remindAt) {
    ctx.addIssue({ code: 'custom', path: ['remindAt'], message: 'reminder_on_done', params: { code: 'reminder_on_done' } });
  }
}

export const activityCreateSchema = z
  .object({
    accountId: idSchema,
    ...activityFields,
    status: z.enum(activityCreateStatuses).optional(),
    result: optionalText(10_000),
    addAssigneeAsOwner: addAssigneeAsOwnerSchema,
  })
  .superRefine(endAfterStart)
  .superRefine(noReminderWhenDone);
export type ActivityCreate = z.input<typeof activityCreateSchema>;

export const activityUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    ...activityFields,
    type: activityFields.type.optional(),
    subject: activityFields.subject.optional(),
    startAt: instant.optional(),
    result: optionalText(10_000),
    addAssigneeAsOwner: addAssigneeAsOwnerSchema,
  })
  .superRefine(endAfterStart);
export type ActivityUpdate = z.input<typeof activityUpdateSchema>;

/** Marking done records the result; cancelling may say why. */
export const activityCompleteSchema = z.object({ version: z.number().int().min(1), result: optionalText(10_000) });
export type ActivityComplete = z.input<typeof activityCompleteSchema>;

export const activitySchema = z.object({
  id: idSchema,
  account: accountRefSchema,
  requestId: idSchema.nullable(),
  opportunityId: idSchema.nullable(),
  projectId: idSchema.nullable(),
  campaignId: idSchema.nullable(),
  type: z.string(),
  status: activityStatusSchema,
  subject: z.string(),
  startAt: z.string(),
  endAt: z.string().nullable(),
  dueAt: z.string(),
  responsible: userRefSchema,
  result: z.string().nullable(),
  notes: z.string().nullable(),
  private: z.boolean(),
  remindAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Activity = z.infer<typeof activitySchema>;

export const activitySorts = ['-startAt', 'startAt'] as const;

export const activityListQuerySchema = z.object({
  ...listQueryBase,
  sort: z.enum(activitySorts).default('-startAt'),
  status: activityStatusSchema.optional(),
  type: listValueSchema.optional(),
  responsibleId: idSchema.optional(),
  /** Those whose responsible user is in this team. */
  teamId: idSchema.optional(),
  /** Only the actor's own (they are the responsible user). */
  mine: queryBoolean.optional(),
  accountId: idSchema.optional(),
  requestId: idSchema.optional(),
  opportunityId: idSchema.optional(),
  projectId: idSchema.optional(),
  campaignId: idSchema.optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** Scheduled and due before now (true), or every other activity (false). */
  overdue: queryBoolean.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;
/** What a client sends: query-string input, with a plain numeric limit. */
export type ActivityListParams = Omit<z.input<typeof activityListQuerySchema>, 'limit'> & { limit?: number };
export const activityListSchema = listResponse(activitySchema);

/** What the activities list can be grouped by: a count per status, type or month (of startAt) under its filters. */
export const activityGroupings = ['status', 'type', 'month'] as const;
export const activityGroupQuerySchema = activityListQuerySchema.omit({ limit: true, cursor: true, sort: true })
  .extend({ by: z.enum(activityGroupings) })
  .superRefine(monthWindow);
export type ActivityGroupQuery = z.infer<typeof activityGroupQuerySchema>;

/** The bell: my scheduled activities due by `until` (the end of the user's today). */
export const pendingQuerySchema = z.object({ until: instant.optional(), limit: listQueryBase.limit, cursor: listQueryBase.cursor });
export const remindersQuerySchema = z.object({ ...listQueryBase });
/** Reminders that fell due and had not been shown: marked shown as they are handed out. */
export const dueRemindersSchema = z.object({ items: z.array(activitySchema) });

/** The calendar feed: the URL is shown once, when made; only whether one exists is shown later. */
export const calendarFeedStatusSchema = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const calendarFeedCreatedSchema = z.object({ url: z.string(), createdAt: z.string() });
export const calendarTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });
