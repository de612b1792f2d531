import type { Readable } from 'node:stream';
import type { Language } from '@contract/common';
import type { ExportFormat, SpreadsheetOptions } from '@contract/exports';
import { majorText } from '@contract/money';
import type { ProjectFilters, ProjectListQuery, ProjectStatus } from '@contract/projects';
import type { Db } from '@server/db/database';
import { keysetPage } from '@server/lib/list';
import { csvFile, defaultSeparator, xlsxFile, type SheetCell } from '@server/lib/spreadsheet-writer';
import { authorize, type Actor } from '@server/policies';
import { presentCard } from './projects.presenter';
import { filteredProjects, findCards, responsiblesOf } from './projects.repo';
import { listSorts } from './projects.service';

const columns = ['name', 'organization', 'status', 'responsibles', 'startOn', 'endOn', 'budget', 'currency', 'openTasks', 'description', 'createdAt', 'updatedAt', 'id'] as const;
type Column = (typeof columns)[number];

const headings: Record<Language, Record<Column, string>> = {
  es: {
    name: 'Nombre', organization: 'Organización', status: 'Estado', responsibles: 'Responsables', startOn: 'Inicio', endOn: 'Fin',
    budget: 'Presupuesto', currency: 'Moneda', openTasks: 'Tareas abiertas', description: 'Descripción', createdAt: 'Creado', updatedAt: 'Modificado', id: 'ID',
  },
  en: {
    name: 'Name', organization: 'Organization', status: 'Status', responsibles: 'Responsible', startOn: 'Start', endOn: 'End',
    budget: 'Budget', currency: 'Currency', openTasks: 'Open tasks', description: 'Description', createdAt: 'Created', updatedAt: 'Updated', id: 'ID',
  },
};
const widths: Record<Column, number> = {
  name: 32, organization: 28, status: 14, responsibles: 30, startOn: 12, endOn: 12, budget: 14, currency: 9, openTasks: 12, description: 40,
  createdAt: 17, updatedAt: 17, id: 38,
};
const statuses: Record<Language, Record<ProjectStatus, string>> = {
  es: { planned: 'Planificado', active: 'Activo', on_hold: 'En pausa', done: 'Terminado', cancelled: 'Cancelado' },
  en: { planned: 'Planned', active: 'Active', on_hold: 'On hold', done: 'Done', cancelled: 'Cancelled' },
};

type Selection = { filters: Partial<ProjectFilters>; sort: ProjectListQuery['sort']; ids: string[] | null };

/** The projects an export walks, a keyset page of ids at a time in the list's order, so memory stays flat. */
async function* iterateProjectIds(db: Db, actor: Actor, selection: Selection, pageSize = 500): AsyncGenerator<string[]> {
  let base = filteredProjects(db, actor, selection.filters);
  if (selection.ids) base = base.where('projects.id', 'in', selection.ids);
  const plan = listSorts.plan(selection.sort);
  const sortColumns = listSorts.columns().map((column) => `projects.${column}` as const);
  let cursor: string | undefined;
  do {
    const page = await keysetPage(db, base, base.select(['projects.id', ...sortColumns]), plan, { limit: pageSize, cursor }, (row) => listSorts.values(selection.sort, row), async () => 0);
    if (page.rows.length > 0) yield page.rows.map((row) => row.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function* exportRows(db: Db, actor: Actor, selection: Selection, language: Language): AsyncGenerator<SheetCell[]> {
  for await (const ids of iterateProjectIds(db, actor, selection)) {
    const responsibles = await responsiblesOf(db, ids);
    for (const row of await findCards(db, actor, ids)) {
      const card = presentCard(row, responsibles.get(row.id) ?? []);
      const cells: Record<Column, SheetCell> = {
        name: card.name,
        organization: card.organization.name,
        status: statuses[language][card.status],
        responsibles: card.responsibles.map((user) => user.name).join('; '),
        startOn: card.startOn ?? '',
        endOn: card.endOn ?? '',
        budget: card.budget ? majorText(card.budget.amount, card.budget.currency) : '',
        currency: card.budget?.currency ?? '',
        openTasks: String(card.openTasks),
        description: row.description ?? '',
        createdAt: new Date(card.createdAt),
        updatedAt: new Date(card.updatedAt),
        id: card.id,
      };
      yield columns.map((column) => cells[column]);
    }
  }
}

/**
 * The projects list as a CSV or XLSX stream: its filters and the actor's scope (the same SQL as the
 * list), or ticked ids within that scope. Cells are neutralised by the writers.
 */
export function exportProjects(db: Db, actor: Actor, selection: Selection, format: ExportFormat, language: Language, options: SpreadsheetOptions): Readable {
  authorize(actor, { domain: 'project', action: 'export' });
  const sheet = {
    name: language === 'es' ? 'Proyectos' : 'Projects',
    columns: columns.map((column) => ({ header: headings[language][column], width: widths[column] })),
    rows: exportRows(db, actor, selection, language),
  };
  const reader = { language, timeZone: options.timeZone ?? 'UTC' };
  return format === 'csv' ? csvFile(sheet, { ...reader, separator: options.separator ?? defaultSeparator(language) }) : xlsxFile(sheet, reader);
}
