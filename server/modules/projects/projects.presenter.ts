import type { Project, ProjectCard } from '@contract/projects';
import type { CardRow } from './projects.repo';

export function presentCard(row: CardRow, responsibles: Array<{ id: string; name: string }>): ProjectCard {
  return {
    id: row.id,
    name: row.name,
    organization: { id: row.organization_id, name: row.organization_name },
    status: row.status,
    responsibles,
    startOn: row.start_on,
    endOn: row.end_on,
    budget: row.budget_amount === null || row.budget_currency === null ? null : { amount: Number(row.budget_amount), currency: row.budget_currency },
    openTasks: Number(row.open_tasks),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export const presentProject = (card: ProjectCard, row: CardRow, createdByName: string | null): Project => ({
  ...card,
  description: row.description,
  createdBy: row.created_by && createdByName ? { id: row.created_by, name: createdByName } : null,
});
