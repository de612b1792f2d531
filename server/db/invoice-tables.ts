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
  /** The hash of its public link's token (e-mail with tracking link); sending again replaces it. */
  token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** How, when and to whom it last went out (e-mail with link, e-mail with PDF, paper). */
  delivered_via: ColumnType<'email_link' | 'email_pdf' | 'paper' | null, 'email_link' | 'email_pdf' | 'paper' | null | undefined, 'email_link' | 'email_pdf' | 'paper' | null>;
  delivered_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** The addresses, comma-separated (null on paper). */
  delivered_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** The first time the customer opened its public page (seed 003: whether the customer has opened it). */
  first_opened_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
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
