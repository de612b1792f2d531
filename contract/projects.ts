import { z } from 'zod';
import { accountCreateSchema, timelineEntrySchema, userRefSchema } from './accounts';
import { idSchema, listQueryBase, listResponse, optionalText } from './common';
import { exportFormatSchema, maxSelectionExport, spreadsheetOptionsShape } from './exports';
import { currencySchema, minorUnitsSchema, moneySchema } from './money';
import { addAssigneeAsOwnerSchema } from './requests';

/**
 * A project of an organization (seed 003: a new company gets a start project in which the general
 * cooperation agreements are made and sent). Its tasks are activities of type task linked to it,
 * so they show in the bell, the reminders and the calendar like any other activity.
 */
export const projectStatuses = ['planned', 'active', 'on_hold', 'done', 'cancelled'] as const;
export const projectStatusSchema = z.enum(projectStatuses);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

const dateOnly = z.iso.date();

/** A budget: integer minor units of its currency, never a float. */
export const projectBudgetSchema = z.object({ amount: minorUnitsSchema, currency: currencySchema });

const editable = {
  name: z.string().trim().min(1).max(200),
  /** Planned when omitted. */
  status: projectStatusSchema.optional(),
  /** The responsible users; the actor alone when omitted. Each must see the organization (see assign-work). */
  responsibleIds: z.array(idSchema).min(1).max(20).optional(),
  startOn: dateOnly.nullable().optional(),
  endOn: dateOnly.nullable().optional(),
  description: optionalText(10_000),
  budget: projectBudgetSchema.nullable().optional(),
};

function endAfterStart(value: { startOn?: string | null | undefined; endOn?: string | null | undefined }, ctx: z.RefinementCtx): void {
  if (value.startOn && value.endOn && value.endOn < value.startOn) {
    ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'end_before_start', params: { code: 'end_before_start' } });
  }
}

/** What a project is created with, its organization aside (the new-company form names none). */
export const projectStartSchema = z.object({ ...editable, addAssigneeAsOwner: addAssigneeAsOwnerSchema }).superRefine(endAfterStart);
export type ProjectStart = z.input<typeof projectStartSchema>;

export const projectCreateSchema = z.object({ organizationId: idSchema, ...editable, addAssigneeAsOwner: addAssigneeAsOwnerSchema }).superRefine(endAfterStart);
export type ProjectCreate = z.input<typeof projectCreateSchema>;

/** The fields sent change; the organization never does. */
export const projectUpdateSchema = z
  .object({ version: z.number().int().min(1), ...editable, name: editable.name.optional(), addAssigneeAsOwner: addAssigneeAsOwnerSchema })
  .superRefine(endAfterStart);
export type ProjectUpdate = z.input<typeof projectUpdateSchema>;

/** A new company with, optionally, its start project: both in one transaction (seed 003). */
export const accountCreateWithProjectSchema = accountCreateSchema.safeExtend({ startProject: projectStartSchema.optional() });
export type AccountCreateWithProject = z.input<typeof accountCreateWithProjectSchema>;

/** A row of the list: what the list, the organization's tab and the export show. */
export const projectCardSchema = z.object({
  id: idSchema,
  name: z.string(),
  organization: z.object({ id: idSchema, name: z.string() }),
  status: projectStatusSchema,
  responsibles: z.array(userRefSchema),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  budget: moneySchema.nullable(),
  /** Its tasks not done yet, among those the reader may see (a private task of someone else is not counted). */
  openTasks: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ProjectCard = z.infer<typeof projectCardSchema>;

export const projectSchema = projectCardSchema.extend({
  description: z.string().nullable(),
  createdBy: userRefSchema.nullable(),
});
export type Project = z.infer<typeof projectSchema>;

export const projectFiltersSchema = z.object({
  /** The project's name or its organization's, anywhere in the text. */
  q: z.string().trim().min(1).max(100).optional(),
  status: projectStatusSchema.optional(),
  organizationId: idSchema.optional(),
  responsibleId: idSchema.optional(),
  /** Projects one of whose responsible users is in this team. */
  teamId: idSchema.optional(),
  /** Ending on or after / on or before (ISO dates). */
  endFrom: dateOnly.optional(),
  endTo: dateOnly.optional(),
});
export type ProjectFilters = z.infer<typeof projectFiltersSchema>;

export const projectSorts = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt', 'name', '-name'] as const;
export const projectSortSchema = z.enum(projectSorts);

export const projectListQuerySchema = projectFiltersSchema.extend({ ...listQueryBase, sort: projectSortSchema.default('-createdAt') });
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;
export type ProjectListParams = Omit<z.input<typeof projectListQuerySchema>, 'limit'> & { limit?: number };
export const projectListSchema = listResponse(projectCardSchema);

/** An export of the list: its filters and sort, as the list endpoint takes them. */
export const projectExportQuerySchema = projectListQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: exportFormatSchema.default('csv'),
  ...spreadsheetOptionsShape,
});

/** An export of ticked rows: their ids in the body. */
export const projectSelectionExportSchema = z.object({
  format: exportFormatSchema.default('csv'),
  sort: projectSortSchema.default('-createdAt'),
  ids: z.array(idSchema).min(1).max(maxSelectionExport),
  ...spreadsheetOptionsShape,
});

/** The project's history: its own changes and its tasks' and documents' entries. */
export const projectHistoryQuerySchema = z.object({ ...listQueryBase });
export const projectHistorySchema = listResponse(timelineEntrySchema);
