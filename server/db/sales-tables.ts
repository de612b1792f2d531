// Tables of the catalog and quotes (issue 21).

type Timestamp = string;

/** A tax rate offered on products and quote lines (IGV 18%, IVA 21%…): a configurable list with a percentage. */
export interface TaxRatesTable {
  id: string;
  key: string;
  label_es: string;
  label_en: string;
  /** Hundredths of a percent: 1800 is 18%, 1050 is 10.5%. */
  rate_bp: number;
  position: number;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** A product or service of the catalog. */
export interface ProductsTable {
  id: string;
  code: string;
  /** The code lower-cased and trimmed: unique, and what search by code reads. */
  code_norm: string;
  name: string;
  name_norm: string;
  description: string | null;
  kind: 'product' | 'service';
  /** Item key of the `product_unit` list. */
  unit: string;
  /** Item key of the `product_category` list. */
  category: string | null;
  /** List price in integer minor units of `currency`. */
  price: number;
  currency: string;
  tax_rate_id: string | null;
  active: boolean;
  /** The picture's storage key (new with each picture), its type, size and file name; all null without one. */
  image_key: string | null;
  image_type: string | null;
  image_size: number | null;
  image_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
}

/** The quotes' settings (one row, 'default'): numbering, validity, base currency, the company on the PDF. */
export interface QuoteSettingsTable {
  id: string;
  /** What a number starts with: `COT` gives COT-2026-0001. */
  number_prefix: string;
  /** A new quote is valid this many days from its issue date. */
  validity_days: number;
  /** The company's currency: a quote in another one stores its exchange rate. */
  base_currency: string;
  company_name: string | null;
  company_tax_id: string | null;
  company_address: string | null;
  /** The logo on the PDF: a stored file (PNG or JPEG). */
  logo_key: string | null;
  logo_type: string | null;
  payment_terms: string | null;
  terms_es: string | null;
  terms_en: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  version: number;
}

/** The last number given in a year's series: gap-free because it moves in the transaction that uses it. */
export interface QuoteSeriesTable {
  year: number;
  last_number: number;
}

export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'declined' | 'superseded';

/** A quote (seed 001 "Cotizaciones") for an account; a revision is a quote of its own in the same lineage. */
export interface QuotesTable {
  id: string;
  account_id: string;
  /** The account's discarded_at, kept by a trigger: the quote is visible only while it is null. */
  account_discarded_at: Timestamp | null;
  opportunity_id: string | null;
  contact_id: string | null;
  owner_id: string;
  /** The lineage's first quote (itself for revision 1) and the revision this one replaced. */
  root_id: string;
  previous_id: string | null;
  revision: number;
  series_year: number | null;
  series_number: number | null;
  /** COT-2026-0001, COT-2026-0001-R2: null until first sent or marked final. */
  number: string | null;
  status: QuoteStatus;
  language: 'es' | 'en';
  currency: string;
  base_currency: string;
  /** Units of the base currency one unit of `currency` was worth, as decimal text; null in the base currency. */
  exchange_rate: string | null;
  /** ISO dates, YYYY-MM-DD. */
  issue_date: string;
  valid_until: string;
  payment_terms: string | null;
  notes: string | null;
  terms: string | null;
  /** Integer minor units of `currency` (see quote-totals.ts for the rounding rule). */
  net_total: number;
  tax_total: number;
  total: number;
  line_count: number;
  sent_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_name: string | null;
  decided_ip: string | null;
  decline_reason: string | null;
  /** sha256 of the public acceptance link's token; the token itself is only in the e-mail. */
  token_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
}

/** Requests to the public link pages (quotes, agreements…) per caller address in the current window (see public-links/link-throttle.repo.ts). */
export interface PublicLinkHitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

/** A line of a quote: an item, or a section heading or a note that groups items. */
export interface QuoteLinesTable {
  id: string;
  quote_id: string;
  position: number;
  kind: 'item' | 'section' | 'note';
  product_id: string | null;
  description: string;
  /** Thousandths: 1500 is 1.5. */
  quantity_milli: number;
  unit: string | null;
  unit_price: number;
  /** Hundredths of a percent, or an amount in minor units; at most one of the two. */
  discount_bp: number | null;
  discount_amount: number | null;
  tax_bp: number;
  /** The line's net (after discount) and tax, as the totals rule computed them. */
  net: number;
  tax: number;
}
