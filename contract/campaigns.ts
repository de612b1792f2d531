import { z } from 'zod';
import { accountFiltersSchema, accountKindSchema, listValueSchema, userRefSchema } from './accounts';
import { idSchema, listQueryBase, listResponse, optionalText } from './common';
import { exportFormatSchema, spreadsheetOptionsShape } from './exports';
import { currencySchema, minorUnitsSchema } from './money';
import { addAssigneeAsOwnerSchema } from './requests';

/**
 * A campaign (seed 001: "eventos a realizarse en un determinado periodo"): a product or service
 * promoted at a price between two dates, responsible users, and member accounts, each worked with
 * a status (an item of the `campaign_member_status` list), a responsible user and a note.
 */
export const campaignStatuses = ['planned', 'active', 'finished', 'cancelled'] as const;
export const campaignStatusSchema = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** The member status whose members can be turned into an opportunity (a built-in list item). */
export const convertedMemberStatus = 'converted';

const dateOnly = z.iso.date();

const editable = {
  name: z.string().trim().min(1).max(200),
  /** The product or service promoted (free text; the catalog product's name when left empty). */
  product: optionalText(200),
  /** A catalog product promoted; its price and currency are the campaign's unless given. */
  productId: idSchema.nullable().optional(),
  /** Integer minor units of `currency`; sent together, or neither. */
  price: minorUnitsSchema.nullable().optional(),
  currency: currencySchema.nullable().optional(),
  startsOn: dateOnly,
  endsOn: dateOnly,
  status: campaignStatusSchema.optional(),
  description: optionalText(10_000),
  /** Users responsible for the campaign: they edit it and its members. */
  responsibleIds: z.array(idSchema).max(20).optional(),
};

function endsAfterStart(value: { startsOn?: string | undefined; endsOn?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'end_before_start', params: { code: 'end_before_start' } });
  }
}

function priceWithCurrency(value: { price?: number | null | undefined; currency?: string | null | undefined }, ctx: z.RefinementCtx): void {
  if (value.price !== undefined && value.price !== null && !value.currency) {
    ctx.addIssue({ code: 'custom', path: ['currency'], message: 'required', params: { code: 'required' } });
  }
}

export const campaignCreateSchema = z.object(editable).superRefine(endsAfterStart).superRefine(priceWithCurrency);
export type CampaignCreate = z.input<typeof campaignCreateSchema>;

export const campaignUpdateSchema = z
  .object({ version: z.number().int().min(1), ...editable, name: editable.name.optional(), startsOn: dateOnly.optional(), endsOn: dateOnly.optional() })
  .superRefine(endsAfterStart);
export type CampaignUpdate = z.input<typeof campaignUpdateSchema>;

/** What the actor may do with the campaign; the web hides buttons from this, never decides. */
export const campaignAbilitiesSchema = z.object({ update: z.boolean(), manageMembers: z.boolean() });

export const campaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  product: z.string().nullable(),
  catalogProduct: z.object({ id: idSchema, code: z.string(), name: z.string() }).nullable(),
  price: z.number().int().nullable(),
  currency: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: campaignStatusSchema,
  description: z.string().nullable(),
  responsibles: z.array(userRefSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities: campaignAbilitiesSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignSorts = ['-startsOn', 'startsOn', '-createdAt', 'createdAt', 'name', '-name'] as const;
export const campaignListQuerySchema = z.object({
  ...listQueryBase,
  sort: z.enum(campaignSorts).default('-startsOn'),
  status: campaignStatusSchema.optional(),
  responsibleId: idSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type CampaignListQuery = z.infer<typeof campaignListQuerySchema>;
export type CampaignListParams = Omit<z.input<typeof campaignListQuerySchema>, 'limit'> & { limit?: number };
export const campaignListSchema = listResponse(campaignSchema);

/** A member's campaign mail: messages sent and failed, first opens, and whether their address unsubscribed. */
export const memberMailSchema = z.object({ sent: z.number().int(), failed: z.number().int(), opened: z.number().int(), unsubscribed: z.boolean() });
export type MemberMail = z.infer<typeof memberMailSchema>;

const activityBriefSchema = z.object({ id: idSchema, type: z.string(), subject: z.string(), at: z.string() });

export const campaignMemberSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  account: z.object({ id: idSchema, kind: accountKindSchema, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  status: z.string(),
  responsible: userRefSchema.nullable(),
  note: z.string().nullable(),
  opportunityId: idSchema.nullable(),
  /** The member's last campaign activity held and next one due, among those the actor may see. */
  lastActivity: activityBriefSchema.nullable(),
  nextActivity: activityBriefSchema.nullable(),
  mail: memberMailSchema,
  addedAt: z.string(),
  version: z.number().int(),
});
export type CampaignMember = z.infer<typeof campaignMemberSchema>;

export const memberParamsSchema = z.object({ id: idSchema, memberId: idSchema });

export const memberFilterParams = {
  status: listValueSchema.optional(),
  responsibleId: idSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
};
export const memberSorts = ['name', '-name', '-addedAt', 'addedAt'] as const;
export const memberListQuerySchema = z.object({ ...listQueryBase, sort: z.enum(memberSorts).default('name'), ...memberFilterParams });
export type MemberListQuery = z.infer<typeof memberListQuerySchema>;
export type MemberListParams = Omit<z.input<typeof memberListQuerySchema>, 'limit'> & { limit?: number };
export const memberListSchema = listResponse(campaignMemberSchema);

/** The members counted per status (the campaign's totals), under the list's filters and the actor's portfolio. */
export const memberGroupQuerySchema = z.object({ ...memberFilterParams, by: z.enum(['status', 'responsible']).default('status') });
export type MemberGroupQuery = z.infer<typeof memberGroupQuerySchema>;

const memberFields = {
  /** An item of `campaign_member_status`; the list's first active item when omitted. */
  status: listValueSchema.optional(),
  /** Who works the member; they must see the account (see assign-work). */
  responsibleId: idSchema.nullable().optional(),
  note: optionalText(2000),
  addAssigneeAsOwner: addAssigneeAsOwnerSchema,
};

export const memberCreateSchema = z.object({ accountId: idSchema, ...memberFields });
export type MemberCreate = z.input<typeof memberCreateSchema>;

export const memberUpdateSchema = z.object({ version: z.number().int().min(1), ...memberFields });
export type MemberUpdate = z.input<typeof memberUpdateSchema>;

/**
 * Many members at once, as a background job: ticked accounts, a tag's accounts, a saved view of
 * the accounts list, or everything matching the accounts list's filter. Only accounts in the
 * actor's portfolio are added; accounts already in the campaign are left as they are.
 */
export const memberSourceSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(10_000) }),
  z.object({ tagId: idSchema }),
  z.object({ viewId: idSchema }),
  z.object({ filter: accountFiltersSchema.partial() }),
]);
export type MemberSource = z.infer<typeof memberSourceSchema>;
export const memberBulkAddSchema = z.object({ source: memberSourceSchema, status: listValueSchema.optional(), responsibleId: idSchema.nullable().optional() });
export type MemberBulkAdd = z.input<typeof memberBulkAddSchema>;

/** A members export: the list's filters and sort. */
export const memberExportQuerySchema = z.object({
  sort: z.enum(memberSorts).default('name'),
  ...memberFilterParams,
  format: exportFormatSchema.default('csv'),
  ...spreadsheetOptionsShape,
});
export type MemberExportQuery = z.input<typeof memberExportQuerySchema>;

/**
 * A converted member becomes an opportunity in one click: on the member itself when it is an
 * organization, or on the person's organization (theirs named, else their first), with the person
 * taking part. The opportunity keeps the campaign; its amount defaults to the campaign's price.
 */
export const memberConvertSchema = z.object({
  organizationId: idSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  /** The campaign's currency when omitted (required when the campaign has no price). */
  currency: currencySchema.optional(),
  /** The campaign's end when still ahead, else thirty days from today. */
  expectedCloseOn: dateOnly.optional(),
});
export type MemberConvert = z.input<typeof memberConvertSchema>;
export const memberConvertedSchema = z.object({ opportunityId: idSchema, member: campaignMemberSchema });
