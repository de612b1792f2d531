import type { Readable } from 'node:stream';
import type { AgreementFilters, AgreementListQuery, AgreementStatus } from '@contract/agreements';
import type { Language } from '@contract/common';
import type { ExportFormat, SpreadsheetOptions } from '@contract/exports';
import { majorText } from '@contract/money';
import type { Db } from '@server/db/database';
import { keysetPage } from '@server/lib/list';
import { csvFile, defaultSeparator, xlsxFile, type SheetCell } from '@server/lib/spreadsheet-writer';
import { authorize, type Actor } from '@server/policies';
import { presentCard } from './agreements.presenter';
import { filteredAgreements, findCards } from './agreements.repo';
import { listSorts } from './agreements.service';

const columns = [
  'title', 'reference', 'type', 'organization', 'project', 'status', 'owner', 'startOn', 'endOn', 'value', 'currency',
  'sentAt', 'customerSignedOn', 'companySignedOn', 'renewalRemindOn', 'createdAt', 'id',
] as const;
type Column = (typeof columns)[number];

const headings: Record<Language, Record<Column, string>> = {
  es: {
    title: 'Título', reference: 'Referencia', type: 'Tipo', organization: 'Organización', project: 'Proyecto', status: 'Estado', owner: 'Responsable',
    startOn: 'Inicio', endOn: 'Fin', value: 'Importe', currency: 'Moneda', sentAt: 'Enviado', customerSignedOn: 'Firmado por el cliente',
    companySignedOn: 'Firmado por nosotros', renewalRemindOn: 'Recordatorio de renovación', createdAt: 'Creado', id: 'ID',
  },
  en: {
    title: 'Title', reference: 'Reference', type: 'Type', organization: 'Organization', project: 'Project', status: 'Status', owner: 'Owner',
    startOn: 'Start', endOn: 'End', value: 'Value', currency: 'Currency', sentAt: 'Sent', customerSignedOn: 'Signed by the customer',
    companySignedOn: 'Signed by us', renewalRemindOn: 'Renewal reminder', createdAt: 'Created', id: 'ID',
  },
};
const widths: Record<Column, number> = {
  title: 32, reference: 14, type: 24, organization: 28, project: 24, status: 18, owner: 22, startOn: 12, endOn: 12, value: 14, currency: 9,
  sentAt: 17, customerSignedOn: 14, companySignedOn: 14, renewalRemindOn: 14, createdAt: 17, id: 38,
};
const statuses: Record<Language, Record<AgreementStatus, string>> = {
  es: { draft: 'Borrador', sent: 'Enviado', signed_by_customer: 'Firmado por el cliente', signed_by_both: 'Firmado por ambos', expired: 'Vencido', terminated: 'Rescindido' },
  en: { draft: 'Draft', sent: 'Sent', signed_by_customer: 'Signed by the customer', signed_by_both: 'Signed by both', expired: 'Expired', terminated: 'Terminated' },
};

type Selection = { filters: Partial<AgreementFilters>; sort: AgreementListQuery['sort']; ids: string[] | null };

/** The agreements an export walks, a keyset page of ids at a time in the list's order, so memory stays flat. */
async function* iterateIds(db: Db, actor: Actor, selection: Selection, pageSize = 500): AsyncGenerator<string[]> {
  let base = filteredAgreements(db, actor, selection.filters);
  if (selection.ids) base = base.where('agreements.id', 'in', selection.ids);
  const plan = listSorts.plan(selection.sort);
  const sortColumns = listSorts.columns().map((column) => `agreements.${column}` as const);
  let cursor: string | undefined;
  do {
    const page = await keysetPage(db, base, base.select(['agreements.id', ...sortColumns]), plan, { limit: pageSize, cursor }, (row) => listSorts.values(selection.sort, row), async () => 0);
    if (page.rows.length > 0) yield page.rows.map((row) => row.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The type list's labels in the reader's language (an item since removed shows its key). */
async function typeLabels(db: Db, language: Language): Promise<Map<string, string>> {
  const rows = await db.selectFrom('list_items').select(['key', 'label_es', 'label_en']).where('list_key', '=', 'agreement_type').execute();
  return new Map(rows.map((row) => [row.key, language === 'es' ? row.label_es : row.label_en]));
}

async function* exportRows(db: Db, actor: Actor, selection: Selection, language: Language): AsyncGenerator<SheetCell[]> {
  const types = await typeLabels(db, language);
  for await (const ids of iterateIds(db, actor, selection)) {
    for (const row of await findCards(db, ids)) {
      const card = presentCard(row);
      const cells: Record<Column, SheetCell> = {
        title: card.title,
        reference: card.reference ?? '',
        type: card.type ? (types.get(card.type) ?? card.type) : '',
        organization: card.organization.name,
        project: card.project?.name ?? '',
        status: statuses[language][card.status],
        owner: card.owner.name,
        startOn: card.startOn ?? '',
        endOn: card.endOn ?? '',
        value: card.value ? majorText(card.value.amount, card.value.currency) : '',
        currency: card.value?.currency ?? '',
        sentAt: card.sentAt ? new Date(card.sentAt) : '',
        customerSignedOn: card.customerSignedOn ?? '',
        companySignedOn: card.companySignedOn ?? '',
        renewalRemindOn: card.renewalRemindOn ?? '',
        createdAt: new Date(card.createdAt),
        id: card.id,
      };
      yield columns.map((column) => cells[column]);
    }
  }
}

/**
 * The agreements list as a CSV or XLSX stream: its filters and the actor's scope (the same SQL as
 * the list), or ticked ids within that scope. Cells are neutralised by the writers.
 */
export function exportAgreements(db: Db, actor: Actor, selection: Selection, format: ExportFormat, language: Language, options: SpreadsheetOptions): Readable {
  authorize(actor, { domain: 'agreement', action: 'export' });
  const sheet = {
    name: language === 'es' ? 'Acuerdos' : 'Agreements',
    columns: columns.map((column) => ({ header: headings[language][column], width: widths[column] })),
    rows: exportRows(db, actor, selection, language),
  };
  const reader = { language, timeZone: options.timeZone ?? 'UTC' };
  return format === 'csv' ? csvFile(sheet, { ...reader, separator: options.separator ?? defaultSeparator(language) }) : xlsxFile(sheet, reader);
}
