import { z } from 'zod';
import { languageSchema } from './common';
import { emailSchema, passwordSchema, roleSchema, scopeSchema } from './users';

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type Login = z.infer<typeof loginSchema>;

/** The signed-in user, their abilities and the CSRF token the web sends back on writes. */
export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  crmManager: z.boolean(),
  language: languageSchema,
  csrfToken: z.string(),
  abilities: z.object({
    manageUsers: z.boolean(),
    viewBin: z.boolean(),
    createAccounts: z.boolean(),
    unqualifyLeads: z.boolean(),
    manageLists: z.boolean(),
    /** Company registers and credit monitoring settings. */
    manageRegistry: z.boolean(),
    /** SMTP settings and the outbox (admins). */
    manageMail: z.boolean(),
    /** E-mail templates (admins and managers). */
    manageTemplates: z.boolean(),
    /** Campaigns (admins and managers; agents edit those they are responsible for). */
    createCampaigns: z.boolean(),
    /** Products, prices and catalog imports (admins and managers). */
    manageCatalog: z.boolean(),
    /** The tax-rate list (admins). */
    manageTaxRates: z.boolean(),
    /** Quote numbering, validity and the company on the PDF (admins). */
    manageQuoteSettings: z.boolean(),
    /** The agreement templates (admins). */
    manageAgreementTemplates: z.boolean(),
  }),
});
export type Me = z.infer<typeof meSchema>;

export const meUpdateSchema = z.object({ language: languageSchema.optional(), name: z.string().trim().min(1).max(120).optional() });
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });
export const setupSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  password: passwordSchema,
  language: languageSchema.default('es'),
});

/** The header that carries the CSRF token on cookie-authenticated writes. */
export const csrfHeader = 'x-csrf-token';
