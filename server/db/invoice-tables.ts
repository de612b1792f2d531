// Tables of invoices (issue 22).
import type { ColumnType } from 'kysely';

type Timestamp = string;

/** An invoice of an organization; `overdue` is read from status and due date, never stored. */
export interface InvoicesTable {
  id: string;
  number: string;
  /** The number lower-cased and trimmed: unique. */
  number_norm: string;
  organization_id: string;
  /** The organization's discarded_at, kept by a trigger: the invoice is visible only while it is null. */
  organization_discarded_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  quote_id: string | null;
  status: 'draft' | 'issued' | 'partly_paid' | 'paid' | 'cancelled';
  /** ISO dates, YYYY-MM-DD. */
  issue_date: string;
  due_date: string;
  currency: string;
  /** Integer minor units of `currency`. */
  net_total: number;
  tax_total: number;
  total: number;
  paid_amount: number;
  delivery: 'email_link' | 'email_pdf' | 'paper' | null;
  delivery_email: string | null;
  /** The customer's language: the PDF, e-mail and public page speak it. */
  language: 'es' | 'en';
  notes: string | null;
  /** When the organization's owners were told it is overdue (once per invoice; see the overdue job). */
  overdue_notified_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
}

/** A line copied from the quote the invoice was made from. */
export interface InvoiceLinesTable {
  id: string;
  invoice_id: string;
  position: number;
  kind: 'item' | 'section' | 'note';
  description: string;
  quantity_milli: number;
  unit_price: number;
  tax_bp: number;
  net: number;
  tax: number;
}
