import type { Readable } from 'node:stream';
import type { Language } from '@contract/common';
import type { ExportFormat, SpreadsheetOptions } from '@contract/exports';
import { majorText } from '@contract/money';
import type { OpportunityFilters, OpportunityListQuery } from '@contract/opportunities';
import type { Db } from '@server/db/database';
import { csvFile, defaultSeparator, xlsxFile, type SheetCell } from '@server/lib/spreadsheet-writer';
import { authorize, type Actor } from '@server/policies';
import { exportRowsOf, opportunityListLabels, opportunityTagNamesOf, peopleNamesOf, type ExportRow } from './opportunity-export.repo';
import { iterateOpportunityIds } from './opportunity-pages';

const columns = [
  'name', 'organization', 'stage', 'status', 'amount', 'currency', 'probability', 'expectedCloseOn', 'source', 'owner',
  'lostReason', 'lostNote', 'people', 'tags', 'createdAt', 'updatedAt', 'id',
] as const;
type Column = (typeof columns)[number];

const headings: Record<Language, Record<Column, string>> = {
  es: {
    name: 'Nombre', organization: 'Organización', stage: 'Etapa', status: 'Estado', amount: 'Importe', currency: 'Moneda',
    probability: 'Probabilidad (%)', expectedCloseOn: 'Cierre previsto', source: 'Origen', owner: 'Responsable',
    lostReason: 'Motivo de pérdida', lostNote: 'Nota de pérdida', people: 'Personas', tags: 'Etiquetas', createdAt: 'Creada',
    updatedAt: 'Modificada', id: 'ID',
  },
  en: {
    name: 'Name', organization: 'Organization', stage: 'Stage', status: 'Status', amount: 'Amount', currency: 'Currency',
    probability: 'Probability (%)', expectedCloseOn: 'Expected close', source: 'Source', owner: 'Owner',
    lostReason: 'Lost reason', lostNote: 'Lost note', people: 'People', tags: 'Tags', createdAt: 'Created',
    updatedAt: 'Updated', id: 'ID',
  },
};
const widths: Record<Column, number> = {
  name: 32, organization: 28, stage: 18, status: 10, amount: 14, currency: 9, probability: 12, expectedCloseOn: 14, source: 16,
  owner: 22, lostReason: 18, lostNote: 30, people: 40, tags: 24, createdAt: 17, updatedAt: 17, id: 38,
};
const statuses: Record<Language, Record<ExportRow['status'], string>> = {
  es: { open: 'Abierta', won: 'Ganada', lost: 'Perdida' },
  en: { open: 'Open', won: 'Won', lost: 'Lost' },
};

type Selection = { filters: Partial<OpportunityFilters>; sort: OpportunityListQuery['sort']; ids: string[] | null };

async function* exportRows(db: Db, actor: Actor, selection: Selection, language: Language): AsyncGenerator<SheetCell[]> {
  const labels = await opportunityListLabels(db, language);
  const label = (list: string, key: string | null) => (key ? (labels.get(`${list}:${key}`) ?? key) : '');
  for await (const ids of iterateOpportunityIds(db, actor, selection.filters, selection.sort, selection.ids)) {
    const people = await peopleNamesOf(db, actor, ids);
    const tags = await opportunityTagNamesOf(db, ids);
    for (const row of await exportRowsOf(db, ids)) {
      const cells: Record<Column, SheetCell> = {
        name: row.name,
        organization: row.organization_name,
        stage: label('opportunity_stage', row.stage),
        status: statuses[language][row.status],
        amount: row.amount === null ? '' : majorText(Number(row.amount), row.currency),
        currency: row.currency,
        probability: String(row.probability),
        expectedCloseOn: row.expected_close_on,
        source: label('source', row.source),
        owner: row.owner_name,
        lostReason: label('opportunity_lost_reason', row.lost_reason),
        lostNote: row.lost_note ?? '',
        people: (people.get(row.id) ?? []).map((person) => (person.role ? `${person.name} (${label('opportunity_role', person.role)})` : person.name)).join('; '),
        tags: (tags.get(row.id) ?? []).join('; '),
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
        id: row.id,
      };
      yield columns.map((column) => cells[column]);
    }
  }
}

/**
 * The opportunities list as a CSV or XLSX stream: its filters and the actor's scope (the same SQL
 * as the list), or ticked ids within that scope. Cells are neutralised by the writers.
 */
export function exportOpportunities(db: Db, actor: Actor, selection: Selection, format: ExportFormat, language: Language, options: SpreadsheetOptions): Readable {
  authorize(actor, { domain: 'opportunity', action: 'export' });
  const sheet = {
    name: language === 'es' ? 'Oportunidades' : 'Opportunities',
    columns: columns.map((column) => ({ header: headings[language][column], width: widths[column] })),
    rows: exportRows(db, actor, selection, language),
  };
  const reader = { language, timeZone: options.timeZone ?? 'UTC' };
  return format === 'csv' ? csvFile(sheet, { ...reader, separator: options.separator ?? defaultSeparator(language) }) : xlsxFile(sheet, reader);
}
