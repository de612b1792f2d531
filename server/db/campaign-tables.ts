import type { ColumnType, Insertable, Selectable } from 'kysely';

type Timestamp = string;

/** A campaign (seed 001): a product or service promoted at a price over a period, with member accounts. */
export interface CampaignsTable {
  id: string;
  name: string;
  name_norm: string;
  /** The product or service promoted, as free text (filled from the catalog item when one is linked). */
  product: string | null;
  /** The catalog product promoted, when it is one. */
  product_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Integer minor units of `currency`; both null when there is no price. */
  price: number | null;
  currency: string | null;
  /** ISO dates, YYYY-MM-DD. */
  starts_on: string;
  ends_on: string;
  status: 'planned' | 'active' | 'finished' | 'cancelled';
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
}

export interface CampaignResponsiblesTable {
  campaign_id: string;
  user_id: string;
}

/** An account taking part in a campaign, worked by a responsible user, with a status (`campaign_member_status` item). */
export interface CampaignMembersTable {
  id: string;
  campaign_id: string;
  account_id: string;
  /** Copies of the account's discarded_at and name_norm, kept by a trigger: visibility and order without reading accounts. */
  account_discarded_at: ColumnType<Timestamp | null, Timestamp | null | undefined, never>;
  account_name_norm: ColumnType<string, string, never>;
  status: string;
  responsible_id: string | null;
  note: string | null;
  /** The opportunity the member was converted into. */
  opportunity_id: string | null;
  added_at: Timestamp;
  added_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  version: number;
}

export type CampaignRow = Selectable<CampaignsTable>;
export type NewCampaign = Insertable<CampaignsTable>;
export type CampaignMemberRow = Selectable<CampaignMembersTable>;
export type NewCampaignMember = Insertable<CampaignMembersTable>;
