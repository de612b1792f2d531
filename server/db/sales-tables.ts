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
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
}
