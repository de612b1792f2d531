import { z } from 'zod';
import { idSchema } from './common';
import { riskLevelSchema, riskSignalSchema } from './registry';

/** How an account is watched: `auto` follows the stage (customers are watched, seed 003), or on/off by hand. */
export const creditMonitoringSchema = z.enum(['auto', 'on', 'off']);
export type CreditMonitoring = z.infer<typeof creditMonitoringSchema>;

/** One change of an account's risk level: when, from which source, and the signals before and after. */
export const creditEventSchema = z.object({
  id: idSchema,
  at: z.string(),
  source: z.string(),
  levelBefore: riskLevelSchema,
  levelAfter: riskLevelSchema,
  signalsBefore: z.array(riskSignalSchema),
  signalsAfter: z.array(riskSignalSchema),
});
export type CreditEvent = z.infer<typeof creditEventSchema>;

export const accountCreditSchema = z.object({
  monitoring: creditMonitoringSchema,
  /** Whether the background check watches the account now. */
  monitored: z.boolean(),
  riskLevel: riskLevelSchema,
  signals: z.array(riskSignalSchema),
  checkedAt: z.string().nullable(),
  changedAt: z.string().nullable(),
  /** Why the last check could not ask its source (the level then stays as it was). */
  checkError: z.string().nullable(),
  /** The register entry the check asks ("NO 991825827"), or null when the account has none. */
  checkedAs: z.string().nullable(),
  history: z.array(creditEventSchema),
});
export type AccountCredit = z.infer<typeof accountCreditSchema>;

export const creditMonitoringUpdateSchema = z.strictObject({ monitoring: creditMonitoringSchema });
export type CreditMonitoringUpdate = z.infer<typeof creditMonitoringUpdateSchema>;

export const creditCheckStartedSchema = z.object({ jobId: idSchema });
