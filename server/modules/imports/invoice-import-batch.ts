import type { AccountRow, Db, ImportRowRow, InvoiceRow } from '@server/db/database';
import type { FieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { normalizeText } from '@server/lib/normalize';
import { addDays, nowIso } from '@server/lib/time';
import type { Actor } from '@server/policies';
import { findAccountsByIds, findDuplicateCandidates } from '@server/modules/accounts/accounts.repo';
import { writeAudits, type AuditEntry } from '@server/modules/audit/audit.repo';
import { insertInvoice, invoicesByNumber, updateInvoiceRow, visibleInvoiceIds } from '@server/modules/invoices/invoices.repo';
import type { BatchCounts, StreamedRow } from './import-run';
import type { InvoiceRowResult, ParsedInvoice } from './invoice-import-values';

export type InvoiceBatchRow = StreamedRow<string, InvoiceRowResult>;
export type InvoiceBatchJob = { actor: Actor; importId: string };

/** The fields an import sets on an invoice: undo puts exactly these back. */
export const importedInvoiceFields = ['issue_date', 'due_date', 'currency', 'net_total', 'tax_total', 'total', 'paid_amount', 'status', 'language', 'notes'] as const;
type ImportedField = (typeof importedInvoiceFields)[number];
export type InvoiceImage = Pick<InvoiceRow, ImportedField>;

const imageOf = (invoice: InvoiceRow): InvoiceImage => ({
  issue_date: invoice.issue_date, due_date: invoice.due_date, currency: invoice.currency, net_total: invoice.net_total, tax_total: invoice.tax_total,
  total: invoice.total, paid_amount: invoice.paid_amount, status: invoice.status, language: invoice.language, notes: invoice.notes,
});

/** The file's values for an invoice of this company: the due date from its credit days when the file has none. */
function fieldsOf(row: ParsedInvoice, company: AccountRow, language: InvoiceRow['language'], before: InvoiceRow | undefined): InvoiceImage {
  return {
    issue_date: row.issueDate, due_date: row.dueDate ?? addDays(`${row.issueDate}T00:00:00.000Z`, company.credit_days ?? 0).slice(0, 10),
    currency: row.currency, net_total: row.net, tax_total: row.tax, total: row.net + row.tax, paid_amount: row.paid, status: row.status,
    // A column the file does not have leaves the invoice's own value.
    language: row.language ?? before?.language ?? language, notes: row.notes ?? before?.notes ?? null,
  };
}

/** The first company (oldest) the actor sees with one of the row's tax-id forms, as the accounts import matches. */
export async function companiesOf(trx: Db, actor: Actor, rows: ParsedInvoice[]): Promise<Map<string, AccountRow>> {
  const keys = [...new Set(rows.flatMap((row) => row.taxKeys))];
  if (keys.length === 0) return new Map();
  const found = await findDuplicateCandidates(trx, actor, 'organization', { terms: [], taxIds: keys, names: [] });
  const accounts = new Map((await findAccountsByIds(trx, [...new Set(found.map((match) => match.id))])).map((account) => [account.id, account]));
  const byKey = new Map<string, AccountRow>();
  for (const match of found) {
    const account = accounts.get(match.id);
    const key = match.key.slice('tax:'.length);
    if (account && !byKey.has(key)) byKey.set(key, account);
  }
  return byKey;
}

/**
 * Writes one batch of invoice rows inside the caller's transaction, in file order. The number is
 * the key: a number new to Cartera creates the invoice (delivered as its company's card says), one
 * the actor sees updates it when the file changed something (the before-image kept for undo) and
 * is skipped when not, so importing the same file twice changes nothing. A number of an invoice
 * the actor cannot see, or of another company's, fails its row; nothing is moved between companies.
 */
export async function writeInvoiceBatch(trx: Db, job: InvoiceBatchJob, rows: InvoiceBatchRow[]): Promise<{ ledger: ImportRowRow[]; counts: BatchCounts }> {
  const { actor } = job;
  const counts: BatchCounts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  const parsed = rows.flatMap((row) => (row.result.ok ? [row.result.row] : []));
  const companies = await companiesOf(trx, actor, parsed);
  const existing = new Map((await invoicesByNumber(trx, [...new Set(parsed.map((row) => normalizeText(row.number)))])).map((invoice) => [invoice.number_norm, invoice]));
  const visible = await visibleInvoiceIds(trx, actor, [...existing.values()].map((invoice) => invoice.id));
  const audits: AuditEntry[] = [];
  const ledger: ImportRowRow[] = [];
  const now = nowIso();
  for (const row of rows) {
    const entry: ImportRowRow = {
      import_id: job.importId, row_number: row.rowNumber, action: 'skipped', account_id: null, organization_id: null, contact_id: null, invoice_id: null, before: null, errors: null,
    };
    ledger.push(entry);
    const fail = (errors: FieldError[]) => {
      entry.action = 'failed';
      entry.errors = JSON.stringify(errors);
      counts.failed += 1;
    };
    if (!row.result.ok) {
      fail(row.result.errors);
      continue;
    }
    const invoice = row.result.row;
    const company = invoice.taxKeys.map((key) => companies.get(key)).find((found) => found !== undefined);
    if (!company) {
      fail([{ field: 'taxId', code: 'unknown_company' }]);
      continue;
    }
    const numberNorm = normalizeText(invoice.number);
    const before = existing.get(numberNorm);
    if (before && !visible.has(before.id)) {
      fail([{ field: 'number', code: 'invoice_number_taken' }]);
      continue;
    }
    if (before && before.organization_id !== company.id) {
      fail([{ field: 'taxId', code: 'not_invoice_company' }]);
      continue;
    }
    const fields = fieldsOf(invoice, company, actor.language, before);
    if (fields.due_date < fields.issue_date) {
      fail([{ field: 'dueDate', code: 'due_before_issue' }]);
      continue;
    }
    if (!before) {
      const id = newId();
      const created: InvoiceRow = {
        id, number: invoice.number, number_norm: numberNorm, organization_id: company.id, organization_discarded_at: null, quote_id: null, ...fields,
        delivery: company.invoice_delivery, delivery_email: company.invoice_email, overdue_notified_at: null,
        token_hash: null, delivered_via: null, delivered_at: null, delivered_to: null, first_opened_at: null,
        created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
      };
      await insertInvoice(trx, created, []);
      existing.set(numberNorm, created);
      visible.add(id);
      Object.assign(entry, { action: 'created', invoice_id: id });
      counts.created += 1;
      audits.push({
        actorId: actor.id, entity: 'invoice', entityId: id, accountId: company.id, action: 'invoice_created',
        changes: [{ field: 'number', before: null, after: invoice.number }, { field: 'total', before: null, after: { amount: fields.total, currency: fields.currency } }],
      });
      continue;
    }
    const changes = importedInvoiceFields.filter((field) => fields[field] !== before[field]).map((field) => ({ field, before: before[field], after: fields[field] }));
    entry.invoice_id = before.id;
    if (changes.length === 0) {
      counts.skipped += 1;
      continue;
    }
    if (!(await updateInvoiceRow(trx, before.id, before.version, { ...fields, updated_at: now, updated_by: actor.id }))) throw new Error(`invoice ${before.id} changed during import`);
    existing.set(numberNorm, { ...before, ...fields, version: before.version + 1 });
    Object.assign(entry, { action: 'updated', before: JSON.stringify(imageOf(before)) });
    counts.updated += 1;
    audits.push({ actorId: actor.id, entity: 'invoice', entityId: before.id, accountId: company.id, action: 'invoice_updated', changes });
  }
  await writeAudits(trx, audits);
  return { ledger, counts };
}
