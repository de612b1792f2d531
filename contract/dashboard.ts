import { z } from 'zod';
import { idSchema } from './common';
import { maxGroupMonths } from './list-query';
import { moneySchema } from './money';

/**
 * The dashboard (seed 001: "gráficos de torta y de barra"): one chart per request, each counted in
 * SQL under the actor's scope, so a slow chart never holds the others back. Charts of the state of
 * things (accounts by stage, people per tag, a campaign's members by status, opportunities by
 * stage) count what is there now, as their lists do; charts of what happened count within the date
 * range: new accounts (created), requests (requested), activities (started), won and lost (closed),
 * the forecast (expected close), quotes by status (issued), accepted quotes (accepted) and invoiced
 * per month (issued, beside the same month a year earlier). Overdue invoices per company, projects
 * by status and agreements waiting for a signature count what is there now. Months
 * are calendar months on the asker's clock (`timeZone`).
 */
export const dashboardCharts = [
  'accounts-by-stage', 'new-accounts', 'people-by-tag', 'requests-by-status', 'requests-by-channel',
  'activities-by-status', 'activities-by-type', 'campaign-members', 'opportunities-by-stage', 'won-lost', 'forecast',
  'quotes-by-status', 'quotes-accepted', 'invoiced-per-month', 'invoices-overdue', 'projects-by-status', 'agreements-waiting',
] as const;
export const dashboardChartNameSchema = z.enum(dashboardCharts);
export type DashboardChartName = z.infer<typeof dashboardChartNameSchema>;

const instant = z.iso.datetime({ offset: true });
const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

export const dashboardParamsSchema = z.object({ chart: dashboardChartNameSchema });

/**
 * The range [from, to) and, for managers, whose work: an owner (accounts' owner, the responsible
 * user of requests, activities, opportunities and projects, a quote's or agreement's owner, an
 * invoiced company's owner) or a team (the same, by its members). An agent may only name themself.
 */
export const dashboardQuerySchema = z.object({
  from: instant,
  to: instant,
  /** An IANA time zone: where months begin (UTC when absent). */
  timeZone: z.string().max(64).refine(isTimeZone, { params: { code: 'invalid_time_zone' } }).optional(),
  ownerId: idSchema.optional(),
  teamId: idSchema.optional(),
  /**
   * The campaign whose members `campaign-members` counts (the most recent by start when absent).
   * Its members are counted as they are now, by the owner filter as their responsible user; a team
   * does not narrow them (members belong to no team), as the members list cannot either.
   */
  campaignId: idSchema.optional(),
}).superRefine((value, ctx) => {
  const from = Date.parse(value.from);
  const to = Date.parse(value.to);
  if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'end_before_start', params: { code: 'end_before_start' } });
  else if (to - from > maxGroupMonths * 31 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'too_big', params: { code: 'too_big', maximum: maxGroupMonths } });
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/**
 * One slice or bar (or one part of a stacked bar): `key` is what the chart shows it as (a stage,
 * a status, a tag's id, a month "2026-03"), `series` its part of a stacked bar (a source, "won" or
 * "lost", a currency), `reason` a lost reason. `count` is exact unless `countIsEstimate` (then as
 * the list it links to shows it: a lower bound or an estimate). `sums`: money per currency, never
 * added across currencies (the forecast's are weighted by probability). `from`/`to`: a month's
 * part of the range, for its link. `highlight`: overdue activities.
 */
export const dashboardCellSchema = z.object({
  key: z.string().nullable(),
  /** A name for a key the web cannot look up in a list (a tag's name). */
  label: z.string().optional(),
  series: z.string().nullable(),
  reason: z.string().nullable().optional(),
  count: z.number().int(),
  countIsEstimate: z.boolean(),
  sums: z.array(moneySchema).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  highlight: z.boolean().optional(),
  /** The same month a year earlier, beside this one (invoiced per month); `from`/`to` are its days. */
  previousYear: z.boolean().optional(),
});
export type DashboardCell = z.infer<typeof dashboardCellSchema>;

export const dashboardChartSchema = z.object({
  chart: dashboardChartNameSchema,
  cells: z.array(dashboardCellSchema),
  /** The campaign `campaign-members` counted (null when there is none yet). */
  campaign: z.object({ id: idSchema, name: z.string() }).nullable().optional(),
});
export type DashboardChart = z.infer<typeof dashboardChartSchema>;
