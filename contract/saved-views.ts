import { z } from 'zod';
import { accountListQuerySchema, accountSorts, userRefSchema } from './accounts';
import { activityListQuerySchema, activitySorts } from './activities';
import { idSchema, listQueryBase, listResponse } from './common';
import { opportunityListQuerySchema, opportunitySorts } from './opportunities';
import { projectListQuerySchema, projectSorts } from './projects';
import { invoiceListQuerySchema, invoiceSorts } from './invoices';
import { agreementListQuerySchema, agreementSorts } from './agreements';
import { quoteListQuerySchema, quoteSorts } from './quotes';
import { requestListQuerySchema, requestSorts } from './requests';

/** The accounts list's columns a user can show or hide (the name always shows). */
export const accountColumns = ['stage', 'email', 'phone', 'city', 'country', 'industry', 'source', 'owners', 'createdAt', 'updatedAt'] as const;
export const accountColumnSchema = z.enum(accountColumns);
export type AccountColumn = z.infer<typeof accountColumnSchema>;
export const defaultAccountColumns: AccountColumn[] = ['stage', 'email', 'phone', 'city', 'country', 'industry', 'owners', 'updatedAt'];

/** The activities list's columns a user can show or hide (the date always shows). */
export const activityColumns = ['type', 'subject', 'account', 'responsible', 'status', 'result', 'dueAt', 'createdAt'] as const;
export type ActivityColumn = (typeof activityColumns)[number];
export const defaultActivityColumns: ActivityColumn[] = ['type', 'subject', 'account', 'responsible', 'status', 'result'];

/** The requests list's columns a user can show or hide (the date always shows). */
export const requestColumns = ['lead', 'interest', 'group', 'channel', 'source', 'status', 'handled', 'responsible', 'reason', 'createdAt'] as const;
export type RequestColumn = (typeof requestColumns)[number];
export const defaultRequestColumns: RequestColumn[] = ['lead', 'interest', 'group', 'channel', 'source', 'status', 'handled', 'responsible'];

/** The opportunities list's columns a user can show or hide (the name always shows). */
export const opportunityColumns = ['organization', 'stage', 'amount', 'probability', 'expectedCloseOn', 'owner', 'createdAt', 'updatedAt'] as const;
export type OpportunityColumn = (typeof opportunityColumns)[number];
export const defaultOpportunityColumns: OpportunityColumn[] = ['organization', 'stage', 'amount', 'probability', 'expectedCloseOn', 'owner'];

/** The projects list's columns a user can show or hide (the name always shows). */
export const projectColumns = ['organization', 'status', 'responsibles', 'startOn', 'endOn', 'budget', 'openTasks', 'createdAt', 'updatedAt'] as const;
export type ProjectColumn = (typeof projectColumns)[number];
export const defaultProjectColumns: ProjectColumn[] = ['organization', 'status', 'responsibles', 'endOn', 'budget', 'openTasks'];

/** The quotes list's columns a user can show or hide (the number always shows). */
export const quoteColumns = ['account', 'status', 'issueDate', 'validUntil', 'netTotal', 'total', 'owner', 'updatedAt'] as const;
export type QuoteColumn = (typeof quoteColumns)[number];
export const defaultQuoteColumns: QuoteColumn[] = ['account', 'status', 'issueDate', 'validUntil', 'total', 'owner'];

/** The invoices list's columns a user can show or hide (the number always shows). */
export const invoiceColumns = ['organization', 'status', 'issueDate', 'dueDate', 'total', 'paid', 'delivery', 'createdAt'] as const;
export type InvoiceColumn = (typeof invoiceColumns)[number];
export const defaultInvoiceColumns: InvoiceColumn[] = ['organization', 'status', 'issueDate', 'dueDate', 'total', 'paid'];

/** The agreements list's columns a user can show or hide (the title always shows). */
export const agreementColumns = ['organization', 'type', 'reference', 'status', 'owner', 'project', 'startOn', 'endOn', 'value', 'renewalRemindOn', 'customerSignedOn', 'companySignedOn', 'createdAt', 'updatedAt'] as const;
export type AgreementColumn = (typeof agreementColumns)[number];
export const defaultAgreementColumns: AgreementColumn[] = ['organization', 'type', 'status', 'owner', 'endOn', 'value'];

/**
 * A list's query as a view saves it: without paging, every parameter optional, the sort without its
 * default. The accounts list's keeps the overview counters it shows as columns (`counters`) too.
 */
const viewQuery = <T extends z.ZodObject>(listQuery: T, sorts: readonly [string, ...string[]]) =>
  listQuery.omit({ limit: true, cursor: true, sort: true }).extend({ sort: z.enum(sorts) }).partial();

/**
 * Every list whose filters, sort and columns can be saved as a view, with what a view of it may
 * hold: a new list adds its entry here (its key, its query without paging, its columns).
 */
export const savedViewLists = {
  accounts: { query: viewQuery(accountListQuerySchema, accountSorts), columns: accountColumns, defaultColumns: defaultAccountColumns },
  activities: { query: viewQuery(activityListQuerySchema, activitySorts), columns: activityColumns, defaultColumns: defaultActivityColumns },
  requests: { query: viewQuery(requestListQuerySchema, requestSorts), columns: requestColumns, defaultColumns: defaultRequestColumns },
  opportunities: { query: viewQuery(opportunityListQuerySchema, opportunitySorts), columns: opportunityColumns, defaultColumns: defaultOpportunityColumns },
  projects: { query: viewQuery(projectListQuerySchema, projectSorts), columns: projectColumns, defaultColumns: defaultProjectColumns },
  invoices: { query: viewQuery(invoiceListQuerySchema, invoiceSorts), columns: invoiceColumns, defaultColumns: defaultInvoiceColumns },
  quotes: { query: viewQuery(quoteListQuerySchema, quoteSorts), columns: quoteColumns, defaultColumns: defaultQuoteColumns },
  agreements: { query: viewQuery(agreementListQuerySchema, agreementSorts), columns: agreementColumns, defaultColumns: defaultAgreementColumns },
} satisfies Record<string, { query: z.ZodObject; columns: readonly [string, ...string[]]; defaultColumns: readonly string[] }>;

export const viewListKeys = ['accounts', 'activities', 'requests', 'opportunities', 'projects', 'quotes', 'invoices', 'agreements'] as const satisfies ReadonlyArray<keyof typeof savedViewLists>;
export const viewListKeySchema = z.enum(viewListKeys);
export type ViewListKey = z.infer<typeof viewListKeySchema>;

/** The same, as the API returns it (no defaults or transforms, so it serialises as stored). */
const viewQueryOutSchema = z.record(z.string(), z.string());

export const savedViewSchema = z.object({
  id: idSchema,
  list: viewListKeySchema,
  name: z.string(),
  shared: z.boolean(),
  owner: userRefSchema.nullable(),
  query: viewQueryOutSchema,
  columns: z.array(z.string()),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const savedViewListSchema = listResponse(savedViewSchema);
export const savedViewListQuerySchema = z.object({ ...listQueryBase, list: viewListKeySchema.default('accounts') });

/** A view's query as a client sends it: query-string values, checked against its list's query (see savedViewLists). */
const viewQueryInSchema = z.record(z.string().max(60), z.string().max(500));
const viewColumnsInSchema = z.array(z.string().max(60)).max(40);
const viewNameSchema = z.string().trim().min(1).max(80);

export const savedViewCreateSchema = z.object({
  /** The list the view belongs to; accounts when left out. */
  list: viewListKeySchema.default('accounts'),
  name: viewNameSchema,
  shared: z.boolean().default(false),
  query: viewQueryInSchema,
  columns: viewColumnsInSchema,
});
export type SavedViewCreate = z.input<typeof savedViewCreateSchema>;
export const savedViewUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: viewNameSchema.optional(),
  shared: z.boolean().optional(),
  query: viewQueryInSchema.optional(),
  columns: viewColumnsInSchema.optional(),
});
export type SavedViewUpdate = z.input<typeof savedViewUpdateSchema>;

/**
 * A view's query and columns checked against its list: the query as its list parses it (unknown
 * keys dropped, values normalised) back in query-string form, and the columns its list offers.
 * Issues name `query.<key>` and `columns.<n>`.
 */
export function checkView(list: ViewListKey, input: { query?: Record<string, string>; columns?: string[] }) {
  const spec = savedViewLists[list];
  const schema = z.object({
    query: spec.query.transform((parsed) => {
      const flat: Record<string, string> = {};
      for (const [key, value] of Object.entries(parsed)) {
        // A comma-separated parameter (the accounts list's counters) parses to a list.
        const text = Array.isArray(value) ? value.join(',') : value === undefined || value === null ? '' : String(value);
        if (text !== '') flat[key] = text;
      }
      return flat;
    }).optional(),
    columns: z.array(z.enum(spec.columns)).max(spec.columns.length).optional(),
  });
  return schema.parse(input);
}
