import { z } from 'zod';
import { accountListQuerySchema, accountSortSchema } from './accounts';

export const exportFormats = ['csv', 'xlsx'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** An accounts export of a list: its filters and sort, as the list endpoint takes them. */
export const accountExportQuerySchema = accountListQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: exportFormatSchema.default('csv'),
});
export type AccountExportQuery = z.input<typeof accountExportQuerySchema>;

/** Most ticked rows one export takes (a selection is ticked by hand; "all matching" has no limit). */
export const maxSelectionExport = 10_000;

/** An accounts export of ticked rows: their ids in the body, since a URL holds only a few hundred. */
export const accountSelectionExportSchema = z.object({
  format: exportFormatSchema.default('csv'),
  sort: accountSortSchema.default('name'),
  ids: z.array(z.uuid()).min(1).max(maxSelectionExport),
});
export type AccountSelectionExport = z.input<typeof accountSelectionExportSchema>;
