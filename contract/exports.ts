import { z } from 'zod';
import { accountListQuerySchema, accountSortSchema } from './accounts';

export const exportFormats = ['csv', 'xlsx'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** What separates CSV cells: Excel in Spanish (and most of Europe) splits on semicolons, in English on commas. */
export const csvSeparators = ['semicolon', 'comma'] as const;
export const csvSeparatorSchema = z.enum(csvSeparators);
export type CsvSeparator = z.infer<typeof csvSeparatorSchema>;

/** True for a time zone name the runtime knows ("Europe/Madrid", "UTC"). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * How a spreadsheet file reads for its user. Both optional: the separator defaults to the user's
 * language; the time zone, which the browser sends (Cartera shows dates in the browser's zone),
 * to UTC for a client that sends none.
 */
export const spreadsheetOptionsShape = {
  separator: csvSeparatorSchema.optional(),
  timeZone: z.string().max(64).refine(isTimeZone, { params: { code: 'invalid_time_zone' } }).optional(),
};
export const spreadsheetOptionsSchema = z.object(spreadsheetOptionsShape);
export type SpreadsheetOptions = z.infer<typeof spreadsheetOptionsSchema>;

/** An accounts export of a list: its filters and sort, as the list endpoint takes them. */
export const accountExportQuerySchema = accountListQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: exportFormatSchema.default('csv'),
  ...spreadsheetOptionsShape,
});
export type AccountExportQuery = z.input<typeof accountExportQuerySchema>;

/** Most ticked rows one export takes (a selection is ticked by hand; "all matching" has no limit). */
export const maxSelectionExport = 10_000;

/** An accounts export of ticked rows: their ids in the body, since a URL holds only a few hundred. */
export const accountSelectionExportSchema = z.object({
  format: exportFormatSchema.default('csv'),
  sort: accountSortSchema.default('name'),
  ids: z.array(z.uuid()).min(1).max(maxSelectionExport),
  ...spreadsheetOptionsShape,
});
export type AccountSelectionExport = z.input<typeof accountSelectionExportSchema>;
