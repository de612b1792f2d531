import { invoiceImportTargets, type InvoiceImportTarget } from '@contract/imports';
import { headerKey } from './import-mapping';

/**
 * Headers (normalised: lower case, no accents) that name each field of an invoices file, in
 * Spanish and English: what accounting exports call them, and what Cartera's own export writes.
 * "IVA" and "VAT" are the tax amount here (an invoice line), not the customer's VAT number.
 */
const synonyms: Record<InvoiceImportTarget, string[]> = {
  number: ['numero', 'numero de factura', 'no factura', 'n factura', 'n.o factura', 'num factura', 'factura', 'serie y numero', 'invoice', 'invoice number', 'invoice no', 'invoice no.', 'number', 'document number'],
  taxId: ['nif', 'cif', 'ruc', 'nif/cif', 'nif/ruc', 'nif cliente', 'cif cliente', 'ruc cliente', 'nif/ruc de la empresa', 'identificacion fiscal', 'rut', 'cuit', 'rfc', 'tax id', 'taxid', 'customer tax id', 'company tax id', 'vat number', 'vat id', 'customer vat'],
  issueDate: ['fecha', 'fecha factura', 'fecha de factura', 'fecha de emision', 'fecha emision', 'fecha expedicion', 'emision', 'emitida', 'issue date', 'invoice date', 'date', 'issued', 'date issued'],
  dueDate: ['vencimiento', 'fecha de vencimiento', 'fecha vencimiento', 'vence', 'due date', 'due', 'date due', 'payment due'],
  currency: ['moneda', 'divisa', 'currency'],
  net: ['base imponible', 'base', 'neto', 'importe neto', 'subtotal', 'net', 'net amount', 'net total', 'untaxed amount', 'amount untaxed'],
  tax: ['impuestos', 'impuesto', 'iva', 'cuota iva', 'cuota de iva', 'igv', 'tax', 'taxes', 'tax amount', 'vat', 'vat amount'],
  total: ['total', 'importe total', 'total factura', 'importe', 'amount', 'total amount', 'amount total', 'gross', 'gross amount'],
  paid: ['cobrado', 'importe cobrado', 'pagado', 'importe pagado', 'paid', 'amount paid', 'paid amount'],
  status: ['estado', 'situacion', 'status', 'state'],
  language: ['idioma', 'lengua', 'language'],
  notes: ['notas', 'nota', 'observaciones', 'comentarios', 'concepto', 'descripcion', 'notes', 'note', 'comments', 'description'],
};

const byHeader = new Map<string, InvoiceImportTarget>();
for (const target of invoiceImportTargets) for (const word of synonyms[target]) byHeader.set(word, target);

/** Proposes a field for each header of an invoices file; each field to its first column. */
export function autoMapInvoices(headers: string[]): Array<InvoiceImportTarget | null> {
  const used = new Set<InvoiceImportTarget>();
  return headers.map((header) => {
    const target = byHeader.get(headerKey(header));
    if (!target || used.has(target)) return null;
    used.add(target);
    return target;
  });
}

/** The mapping's fields that an invoices import takes; any other is refused. */
export const isInvoiceTarget = (field: string): field is InvoiceImportTarget => invoiceImportTargets.some((target) => target === field);
