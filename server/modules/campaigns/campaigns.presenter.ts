import type { Campaign } from '@contract/campaigns';
import type { CampaignRow } from '@server/db/campaign-tables';

export function presentCampaign(row: CampaignRow, responsibles: Campaign['responsibles'], catalogProduct: Campaign['catalogProduct'], abilities: Campaign['abilities']): Campaign {
  return {
    id: row.id,
    name: row.name,
    product: row.product,
    catalogProduct,
    price: row.price === null ? null : Number(row.price),
    currency: row.currency,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    description: row.description,
    responsibles,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    abilities,
  };
}
