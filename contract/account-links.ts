import { z } from 'zod';
import { listValueSchema, userRefSchema } from './accounts';
import { idSchema, optionalText } from './common';

/** Another account as a link shows it (only ever one the actor may see). */
export const accountRefSchema = z.object({ id: idSchema, name: z.string(), kind: z.enum(['organization', 'person']) });
export type AccountRef = z.infer<typeof accountRefSchema>;

/** The departments and subsidiaries below an account, breadth first, each with its parent. */
export const treeNodeSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(['organization', 'person']),
  parentId: idSchema,
  depth: z.number().int(),
});
export type TreeNode = z.infer<typeof treeNodeSchema>;
export const accountTreeSchema = z.object({
  parent: accountRefSchema.nullable(),
  items: z.array(treeNodeSchema),
  /** True when the tree was cut at the size or depth guard. */
  truncated: z.boolean(),
});
export type AccountTree = z.infer<typeof accountTreeSchema>;

/** Characteristics and interest areas (seed 000): an item of a configurable list, with a note. */
export const interestKinds = ['interest', 'disinterest', 'unmet_need'] as const;
export const interestKindSchema = z.enum(interestKinds);
export type InterestKind = z.infer<typeof interestKindSchema>;
export const traitKinds = ['characteristic', ...interestKinds] as const;
export type TraitKind = (typeof traitKinds)[number];

export const traitSchema = z.object({
  id: idSchema,
  kind: z.enum(traitKinds),
  key: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: userRefSchema.nullable(),
});
export type Trait = z.infer<typeof traitSchema>;
export const traitListSchema = z.object({ items: z.array(traitSchema) });

export const characteristicCreateSchema = z.object({ key: listValueSchema, note: optionalText(2000) });
export type CharacteristicCreate = z.input<typeof characteristicCreateSchema>;
export const interestCreateSchema = z.object({ key: listValueSchema, kind: interestKindSchema, note: optionalText(2000) });
export type InterestCreate = z.input<typeof interestCreateSchema>;
/** The note can change, and an interest can turn into a disinterest or an unmet need. */
export const traitUpdateSchema = z.object({ note: optionalText(2000), kind: interestKindSchema.optional() });
export type TraitUpdate = z.input<typeof traitUpdateSchema>;
export const traitParamsSchema = z.object({ id: idSchema, traitId: idSchema });

/** A relationship between two accounts, seen from one of them: the other side and the reason. */
export const relationshipSchema = z.object({
  id: idSchema,
  other: accountRefSchema,
  reason: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Relationship = z.infer<typeof relationshipSchema>;
export const relationshipListSchema = z.object({ items: z.array(relationshipSchema) });
export const relationshipCreateSchema = z.object({ otherId: idSchema, reason: listValueSchema, note: optionalText(2000) });
export type RelationshipCreate = z.input<typeof relationshipCreateSchema>;
export const relationshipParamsSchema = z.object({ id: idSchema, relationshipId: idSchema });
