import { z } from 'zod';
import { idSchema, optionalText } from './common';

const emailItem = z.string().trim().toLowerCase().pipe(z.email().max(254));

/**
 * Link a person to an organization, from either side: the path names one account, the body
 * names the other (an existing one by id, or a new one created in the same step).
 */
export const contactCreateSchema = z
  .object({
    otherId: idSchema.optional(),
    newPerson: z
      .object({
        firstName: z.string().trim().min(1).max(100),
        lastName: optionalText(100),
        email: emailItem.optional().or(z.literal('').transform(() => undefined)),
        phone: z.string().trim().max(40).regex(/^\+?[0-9 ()./-]*$/).optional(),
      })
      .optional(),
    newOrganization: z.object({ name: z.string().trim().min(1).max(200) }).optional(),
    position: optionalText(120),
    area: optionalText(120),
  })
  .refine((v) => [v.otherId, v.newPerson, v.newOrganization].filter(Boolean).length === 1, {
    message: 'one_of',
    path: ['otherId'],
    params: { code: 'one_of' },
  });
export type ContactCreate = z.input<typeof contactCreateSchema>;

export const contactUpdateSchema = z.object({ position: optionalText(120), area: optionalText(120) });

export const contactSchema = z.object({
  id: idSchema,
  position: z.string().nullable(),
  area: z.string().nullable(),
  person: z.object({
    id: idSchema,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  organization: z.object({ id: idSchema, name: z.string() }),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactListSchema = z.object({ items: z.array(contactSchema) });
export const contactParamsSchema = z.object({ id: idSchema, contactId: idSchema });
