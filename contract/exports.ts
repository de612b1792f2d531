import { z } from 'zod';
import { accountListQuerySchema } from './accounts';

export const exportFormats = ['csv', 'xlsx'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** An accounts export: the list's filters and sort, or a selection of ids (comma-separated). */
export const accountExportQuerySchema = accountListQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: exportFormatSchema.default('csv'),
  ids: z
    .string()
    .max(40_000)
    .optional()
    .transform((value) => (value ? value.split(',').map((id) => id.trim()).filter((id) => id.length > 0) : undefined))
    .pipe(z.array(z.uuid()).max(1000).optional()),
});
export type AccountExportQuery = z.input<typeof accountExportQuerySchema>;
