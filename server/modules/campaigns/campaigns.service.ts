import {
  campaignCreateSchema, campaignUpdateSchema,
  type Campaign, type CampaignCreate, type CampaignListQuery, type CampaignUpdate,
} from '@contract/campaigns';
import type { ListResponse } from '@contract/common';
import type { CampaignRow } from '@server/db/campaign-tables';
import type { Db } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { keysetPage, sortTable } from '@server/lib/list';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { authorize, can, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { activeUserIds } from '@server/modules/users/users.repo';
import { findProduct } from '@server/modules/catalog/products.repo';
import { presentCampaign } from './campaigns.presenter';
import { catalogProductsOf, filteredCampaigns, findCampaign, findCampaigns, insertCampaign, isResponsible, responsiblesOf, setResponsibles, updateCampaignRow } from './campaigns.repo';

type CampaignFields = {
  name: string; product: string | null; productId: string | null; price: number | null; currency: string | null; startsOn: string; endsOn: string;
  status: Campaign['status']; description: string | null; responsibleIds: string[];
};
const auditedFields = ['name', 'product', 'productId', 'price', 'currency', 'startsOn', 'endsOn', 'status', 'description', 'responsibleIds'] as const;

const fieldsOf = (row: CampaignRow, responsibleIds: string[]): CampaignFields => ({
  name: row.name, product: row.product, productId: row.product_id, price: row.price === null ? null : Number(row.price), currency: row.currency,
  startsOn: row.starts_on, endsOn: row.ends_on, status: row.status, description: row.description, responsibleIds,
});

const columnsOf = (fields: CampaignFields) => ({
  name: fields.name, name_norm: normalizeText(fields.name), product: fields.product, product_id: fields.productId, price: fields.price,
  // A currency without a price says nothing: both or neither.
  currency: fields.price === null ? null : fields.currency, starts_on: fields.startsOn, ends_on: fields.endsOn,
  status: fields.status, description: fields.description,
});

/** A campaign by id (every campaign is everyone's to read), or not found. */
export async function requireCampaign(db: Db, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** What the actor may do with the campaign: its abilities, and whether they are one of its responsible users. */
export async function campaignAbilities(db: Db, actor: Actor, campaignId: string): Promise<Campaign['abilities']> {
  const responsible = await isResponsible(db, campaignId, actor.id);
  return {
    update: can(actor, { domain: 'campaign', action: 'update', responsible }),
    manageMembers: can(actor, { domain: 'campaign', action: 'manageMembers', responsible }),
  };
}

/** Refuses (403) unless the actor may edit the campaign's settings or membership. */
export async function authorizeCampaign(db: Db, actor: Actor, campaignId: string, action: 'update' | 'manageMembers'): Promise<void> {
  authorize(actor, { domain: 'campaign', action, responsible: await isResponsible(db, campaignId, actor.id) });
}

async function present(db: Db, actor: Actor, rows: CampaignRow[]): Promise<Campaign[]> {
  const responsibles = await responsiblesOf(db, rows.map((row) => row.id));
  const products = await catalogProductsOf(db, rows.flatMap((row) => (row.product_id ? [row.product_id] : [])));
  return Promise.all(rows.map(async (row) => presentCampaign(
    row, responsibles.get(row.id) ?? [], (row.product_id && products.get(row.product_id)) || null, await campaignAbilities(db, actor, row.id),
  )));
}

/**
 * A catalog product linked to the campaign must exist and be active (an inactive one may stay
 * linked); it fills the product text, and the price and currency, that were left empty.
 */
async function withCatalogProduct(db: Db, fields: CampaignFields, before: string | null, priceGiven: boolean): Promise<CampaignFields> {
  if (!fields.productId || fields.productId === before) return fields;
  const product = await findProduct(db, fields.productId);
  if (!product || !product.active) throw fieldError('productId', 'invalid_value');
  const filled = { ...fields, product: fields.product ?? product.name };
  return priceGiven || filled.price !== null ? filled : { ...filled, price: Number(product.price), currency: product.currency };
}

export async function getCampaign(db: Db, actor: Actor, id: string): Promise<Campaign> {
  authorize(actor, { domain: 'campaign', action: 'read' });
  const [campaign] = await present(db, actor, [await requireCampaign(db, id)]);
  if (!campaign) throw new AppError('not_found');
  return campaign;
}

async function checkResponsibles(db: Db, ids: string[]): Promise<void> {
  const active = await activeUserIds(db, ids);
  const unknown = ids.findIndex((id) => !active.has(id));
  if (unknown >= 0) throw fieldError(`responsibleIds.${unknown}`, 'unknown_user');
}

/** Creates a campaign (admins and managers); its responsible users are the actor unless others are named. */
export async function createCampaign(db: Db, actor: Actor, input: CampaignCreate): Promise<Campaign> {
  authorize(actor, { domain: 'campaign', action: 'create' });
  const data = campaignCreateSchema.parse(input);
  const given: CampaignFields = {
    name: data.name, product: data.product ?? null, productId: data.productId ?? null, price: data.price ?? null, currency: data.currency ?? null, startsOn: data.startsOn,
    endsOn: data.endsOn, status: data.status ?? 'planned', description: data.description ?? null, responsibleIds: [...new Set(data.responsibleIds ?? [actor.id])],
  };
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const fields = await withCatalogProduct(trx, given, null, data.price !== undefined && data.price !== null);
    await checkResponsibles(trx, fields.responsibleIds);
    const now = nowIso();
    await insertCampaign(trx, { id, ...columnsOf(fields), created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1 });
    await setResponsibles(trx, id, fields.responsibleIds);
    await writeAudit(trx, { actorId: actor.id, entity: 'campaign', entityId: id, accountId: null, action: 'campaign_created', changes: diffFields(null, fields, auditedFields) });
  });
  return getCampaign(db, actor, id);
}

/** Edits the fields sent if the version is current (admins, managers and the campaign's responsible users). */
export async function updateCampaign(db: Db, actor: Actor, id: string, input: CampaignUpdate): Promise<Campaign> {
  authorize(actor, { domain: 'campaign', action: 'read' });
  const { version, ...data } = campaignUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireCampaign(trx, id);
    await authorizeCampaign(trx, actor, id, 'update');
    if (before.version !== version) throw new AppError('stale_version');
    const old = fieldsOf(before, ((await responsiblesOf(trx, [id])).get(id) ?? []).map((user) => user.id));
    const next: CampaignFields = { ...old };
    if (data.name !== undefined) next.name = data.name;
    if (data.product !== undefined) next.product = data.product;
    if (data.productId !== undefined) next.productId = data.productId;
    if (data.price !== undefined) next.price = data.price;
    if (data.currency !== undefined) next.currency = data.currency;
    if (data.startsOn !== undefined) next.startsOn = data.startsOn;
    if (data.endsOn !== undefined) next.endsOn = data.endsOn;
    if (data.status !== undefined) next.status = data.status;
    if (data.description !== undefined) next.description = data.description;
    if (data.responsibleIds !== undefined) next.responsibleIds = [...new Set(data.responsibleIds)];
    if (next.endsOn < next.startsOn) throw fieldError('endsOn', 'end_before_start');
    if (next.price !== null && !next.currency) throw fieldError('currency', 'required');
    const filled = await withCatalogProduct(trx, next, old.productId, data.price !== undefined);
    const changes = diffFields(old, filled, auditedFields);
    if (changes.length === 0) return;
    if (data.responsibleIds !== undefined) {
      await checkResponsibles(trx, next.responsibleIds);
      await setResponsibles(trx, id, next.responsibleIds);
    }
    if (!(await updateCampaignRow(trx, id, version, { ...columnsOf(filled), updated_at: nowIso(), updated_by: actor.id }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'campaign', entityId: id, accountId: null, action: 'campaign_updated', changes });
  });
  return getCampaign(db, actor, id);
}

const listSorts = sortTable('campaigns', { startsOn: ['starts_on'], createdAt: ['created_at'], name: ['name_norm'] });

/** The campaigns list, most recent first unless asked otherwise: one keyset page. */
export async function findCampaignPage(db: Db, actor: Actor, query: CampaignListQuery): Promise<ListResponse<Campaign>> {
  authorize(actor, { domain: 'campaign', action: 'read' });
  const base = filteredCampaigns(db, query);
  const plan = listSorts.plan(query.sort);
  const columns = listSorts.columns().map((column) => `campaigns.${column}` as const);
  const page = await keysetPage(db, base, base.select(['campaigns.id', ...columns]), plan, query, (row) => listSorts.values(query.sort, row));
  const rows = await findCampaigns(db, page.rows.map((row) => row.id));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = await present(db, actor, page.rows.flatMap((row) => byId.get(row.id) ?? []));
  return { items, nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}
