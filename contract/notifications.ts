import { z } from 'zod';
import { idSchema, listQueryBase } from './common';

/**
 * Something a user should know, shown in the bell until read. `kind` says how the web words it
 * (credit.risk_changed now; quotes and invoices will add theirs) and `params` what the wording needs.
 */
export const notificationSchema = z.object({
  id: idSchema,
  kind: z.string(),
  /** The account it is about, as the reader may see it (a notification about a hidden account is not shown). */
  account: z.object({ id: idSchema, kind: z.enum(['organization', 'person']), name: z.string() }).nullable(),
  params: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  /** Unread notifications the user may see, in all (the bell's count). */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationQuerySchema = z.strictObject({ limit: listQueryBase.limit });
