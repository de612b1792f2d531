import { majorText, minorUnits } from '@contract/money';
import type { Project, ProjectStart, ProjectStatus, ProjectUpdate } from '@contract/projects';

/** What the project form holds: the budget as typed in major units beside its currency. */
export type ProjectFormValues = {
  name: string;
  status: ProjectStatus;
  responsibleIds: string[];
  startOn: string | null;
  endOn: string | null;
  budget: string;
  currency: string;
  description: string;
};

export function projectFormValues(project: Project | null, meId: string, status: ProjectStatus = 'planned'): ProjectFormValues {
  return {
    name: project?.name ?? '',
    status: project?.status ?? status,
    responsibleIds: project ? project.responsibles.map((user) => user.id) : [meId],
    startOn: project?.startOn ?? null,
    endOn: project?.endOn ?? null,
    budget: project?.budget ? majorText(project.budget.amount, project.budget.currency) : '',
    currency: project?.budget?.currency ?? 'EUR',
    description: project?.description ?? '',
  };
}

/** The budget typed as minor units (null when empty, undefined when it is no amount: the form says so). */
export function budgetOf(values: ProjectFormValues): { amount: number; currency: string } | null | undefined {
  if (values.budget.trim() === '') return null;
  const amount = minorUnits(values.budget, values.currency);
  return amount === null ? undefined : { amount, currency: values.currency };
}

/** A new project's fields (its organization aside): a form's or the new-company form's start project. */
export const projectStartPayload = (values: ProjectFormValues): ProjectStart => ({
  name: values.name,
  status: values.status,
  responsibleIds: values.responsibleIds,
  startOn: values.startOn,
  endOn: values.endOn,
  budget: budgetOf(values) ?? null,
  description: values.description || null,
});

/** Only what changed. */
export function projectUpdatePayload(values: ProjectFormValues, project: Project): ProjectUpdate {
  const payload: ProjectUpdate = { version: project.version };
  const start = projectStartPayload(values);
  if (start.name !== project.name) payload.name = start.name;
  if (start.status !== project.status) payload.status = start.status;
  if ([...values.responsibleIds].sort().join() !== project.responsibles.map((user) => user.id).sort().join()) payload.responsibleIds = values.responsibleIds;
  if (start.startOn !== project.startOn) payload.startOn = start.startOn;
  if (start.endOn !== project.endOn) payload.endOn = start.endOn;
  if (JSON.stringify(start.budget) !== JSON.stringify(project.budget)) payload.budget = start.budget;
  if (start.description !== project.description) payload.description = start.description;
  return payload;
}
