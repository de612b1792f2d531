import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// A campaign may promote a catalog product (issue 19.3: free text until a catalog exists, then
// optionally a catalog item). Deleting the product keeps the campaign and its text; the index
// serves that delete's lookup. The campaign references that had no index a delete could use get
// one too (a campaign's members by campaign alone, with discarded accounts; an opportunity's
// member; a campaign's bulk sends).

const fkIndexes: Array<{ name: string; table: string; column: string; partial: boolean }> = [
  { name: 'campaigns_product_idx', table: 'campaigns', column: 'product_id', partial: true },
  { name: 'campaign_members_campaign_fk_idx', table: 'campaign_members', column: 'campaign_id', partial: false },
  { name: 'campaign_members_opportunity_fk_idx', table: 'campaign_members', column: 'opportunity_id', partial: true },
  { name: 'email_bulks_campaign_fk_idx', table: 'email_bulks', column: 'campaign_id', partial: true },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('product_id', 'text', (c) => c.references('products.id').onDelete('set null')).execute();
  for (const index of fkIndexes) {
    const create = db.schema.createIndex(index.name).on(index.table).column(index.column);
    await (index.partial ? create.where(sql.ref(index.column), 'is not', null) : create).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of fkIndexes) await db.schema.dropIndex(index.name).ifExists().execute();
  await db.schema.alterTable('campaigns').dropColumn('product_id').execute();
}
