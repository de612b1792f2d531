import type { ProjectStatus } from '@contract/projects';
import type { ProjectRow } from '@server/db/database';
import { normalizeText } from '@server/lib/normalize';

/** A project's editable fields in API terms: what forms send and what history compares. */
export type ProjectFields = {
  name: string;
  status: ProjectStatus;
  responsibleIds: string[];
  startOn: string | null;
  endOn: string | null;
  description: string | null;
  budget: { amount: number; currency: string } | null;
};

export const auditedProjectFields = ['name', 'status', 'responsibleIds', 'startOn', 'endOn', 'description', 'budget'] as const satisfies ReadonlyArray<keyof ProjectFields>;

export const projectFieldsOf = (row: ProjectRow, responsibleIds: string[]): ProjectFields => ({
  name: row.name,
  status: row.status,
  responsibleIds,
  startOn: row.start_on,
  endOn: row.end_on,
  description: row.description,
  budget: row.budget_amount === null || row.budget_currency === null ? null : { amount: Number(row.budget_amount), currency: row.budget_currency },
});

/** The row's columns of the fields (the responsible users live in their own table). */
export const projectColumnsOf = (fields: ProjectFields) => ({
  name: fields.name,
  name_norm: normalizeText(fields.name),
  status: fields.status,
  start_on: fields.startOn,
  end_on: fields.endOn,
  description: fields.description,
  budget_amount: fields.budget?.amount ?? null,
  budget_currency: fields.budget?.currency ?? null,
});
