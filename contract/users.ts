import { z } from 'zod';
import { idSchema, languageSchema, listQueryBase, listResponse } from './common';

export const roles = ['admin', 'manager', 'agent'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Which accounts an agent sees: those they own, those their team owns, or all. */
export const scopes = ['own', 'team', 'all'] as const;
export const scopeSchema = z.enum(scopes);
export type Scope = z.infer<typeof scopeSchema>;

export const passwordSchema = z.string().min(10).max(200);
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  teamId: idSchema.nullable(),
  crmManager: z.boolean(),
  language: languageSchema,
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  password: passwordSchema,
  role: roleSchema.default('agent'),
  scope: scopeSchema.default('own'),
  teamId: idSchema.nullable().optional(),
  crmManager: z.boolean().default(false),
  language: languageSchema.default('es'),
});
export type UserCreate = z.input<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1).max(120).optional(),
  role: roleSchema.optional(),
  scope: scopeSchema.optional(),
  teamId: idSchema.nullable().optional(),
  crmManager: z.boolean().optional(),
  language: languageSchema.optional(),
});
export type UserUpdate = z.input<typeof userUpdateSchema>;

export const userPasswordResetSchema = z.object({ password: passwordSchema });

export const userListQuerySchema = z.object({
  ...listQueryBase,
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
});

export const userListSchema = listResponse(userSchema);

export const teamSchema = z.object({ id: idSchema, name: z.string(), memberCount: z.number().int() });
export type Team = z.infer<typeof teamSchema>;
export const teamCreateSchema = z.object({ name: z.string().trim().min(1).max(80) });
export const teamListSchema = z.object({ items: z.array(teamSchema) });

/** A user as others see them in pickers: no e-mail-changing powers, no secrets. */
export const userOptionSchema = z.object({ id: idSchema, name: z.string(), active: z.boolean() });
export type UserOption = z.infer<typeof userOptionSchema>;
export const userOptionListSchema = z.object({ items: z.array(userOptionSchema) });
