import { z } from 'zod';

/** Languages Cartera speaks. The first is the default when nothing else decides. */
export const languages = ['es', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;
export const isLanguage = (value: string): value is Language => languages.some((language) => language === value);

export const idSchema = z.uuid();
export const idParamsSchema = z.object({ id: idSchema });
export const isoDateTimeSchema = z.string();

/** The one list contract: every list endpoint takes these and answers with listResponse(). */
export const listQueryBase = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    totalIsEstimate: z.boolean(),
  });
}

export type ListResponse<T> = {
  items: T[];
  nextCursor: string | null;
  total: number;
  totalIsEstimate: boolean;
};

/**
 * Exact totals stop here. Past it a list says `totalIsEstimate` and its total is either this
 * limit (a lower bound: "10,000+") or, above it, an estimate from a sample ("≈ 300,000").
 */
export const exactTotalLimit = 10_000;

/** RFC 9457 problem details as Cartera sends them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Query-string booleans: "true"/"1" and "false"/"0". */
export const queryBoolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** A trimmed optional text field where an empty string means "no value". */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
}
