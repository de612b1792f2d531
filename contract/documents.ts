import { z } from 'zod';
import { idSchema, listQueryBase, listResponse } from './common';
import { userRefSchema } from './accounts';

/** A document attached to an account, as the documents tab lists it. */
export const documentSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  opportunityId: idSchema.nullable(),
  projectId: idSchema.nullable(),
  name: z.string(),
  size: z.number().int(),
  /** Detected from the content on upload, never the browser's claim. */
  contentType: z.string(),
  uploadedBy: userRefSchema.nullable(),
  uploadedAt: z.string(),
  /** Where the bytes are served from, always as an attachment. */
  downloadUrl: z.string(),
});
export type AccountDocument = z.infer<typeof documentSchema>;

/** The list contract, plus the upload limit so the page can say it before a user tries. */
export const documentListSchema = listResponse(documentSchema).extend({ maxUploadBytes: z.number().int() });
/** An opportunity's documents only (they show on its organization's tab too). */
export const documentListQuerySchema = z.object({ ...listQueryBase, opportunityId: idSchema.optional(), projectId: idSchema.optional() });
/** An upload may attach the document to an opportunity of the account. */
export const documentUploadQuerySchema = z.object({ opportunityId: idSchema.optional(), projectId: idSchema.optional() });
export const documentParamsSchema = z.object({ id: idSchema, documentId: idSchema });
/** The logo's address carries the logo's id (`?v=`), so a cached copy is never stale. */
export const logoQuerySchema = z.object({ v: z.string().max(40).optional() });

/** Image types a logo may have, checked from the content (SVG can carry script: refused). */
export const logoContentTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const maxLogoBytes = 2 * 1024 * 1024;
