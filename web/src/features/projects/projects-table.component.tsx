import type { ProjectCard } from '@contract/projects';
import type { ProjectColumn } from '@contract/saved-views';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatDay, formatMoney } from '@web/components/format';
import { ListCards } from '@web/components/list-kit/list-cards.component';
import { ListTable, type ListColumn, type Paging } from '@web/components/list-kit/list-table.component';
import { ProjectStatusBadge } from './project-status-badge.component';

const projectLink = (project: ProjectCard) => (
  <Anchor component={Link} to={`/projects/${project.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>{project.name}</Anchor>
);
const budgetText = (project: ProjectCard) => (project.budget ? formatMoney(project.budget.amount, project.budget.currency) : '');

/** The list's columns as data: the name always, the others as the user picked them. */
function useColumns(visible: readonly ProjectColumn[]): ListColumn<ProjectCard>[] {
  const { t } = useTranslation();
  const all: Record<ProjectColumn, Omit<ListColumn<ProjectCard>, 'key' | 'header'>> = {
    organization: { width: 200, cell: (project) => <Anchor component={Link} to={`/accounts/${project.organization.id}`} size="sm">{project.organization.name}</Anchor> },
    status: { width: 120, cell: (project) => <ProjectStatusBadge status={project.status} /> },
    responsibles: { width: 200, cell: (project) => <Text size="sm" truncate>{project.responsibles.map((user) => user.name).join(', ')}</Text> },
    startOn: { width: 110, cell: (project) => formatDay(project.startOn) },
    endOn: { width: 110, cell: (project) => formatDay(project.endOn) },
    budget: { width: 130, align: 'right', cell: budgetText },
    openTasks: { width: 110, align: 'right', cell: (project) => project.openTasks },
    createdAt: { width: 150, sortKey: 'createdAt', descendingFirst: true, cell: (project) => formatDateTime(project.createdAt) },
    updatedAt: { width: 150, sortKey: 'updatedAt', descendingFirst: true, cell: (project) => formatDateTime(project.updatedAt) },
  };
  return [
    { key: 'name', header: t('projects:field.name'), width: 240, sortKey: 'name', cell: projectLink },
    ...visible.map((key) => ({ key, header: t(`projects:column.${key}`), ...all[key] })),
  ];
}

type Props = Paging & { items: ProjectCard[]; visible: readonly ProjectColumn[]; sort?: string; onSort?: (sort: string) => void };

export function ProjectsTable({ items, visible, sort, onSort, ...paging }: Props) {
  const { t } = useTranslation();
  return <ListTable items={items} columns={useColumns(visible)} rowKey={(project) => project.id} label={t('projects:list.title')} sort={sort} onSort={onSort} testId="projects-table" {...paging} />;
}

/** At phone width: one card per project, nothing scrolling sideways. */
export function ProjectsCards({ items, ...paging }: Paging & { items: ProjectCard[] }) {
  const { t } = useTranslation();
  return (
    <ListCards
      items={items}
      rowKey={(project) => project.id}
      cardHeight={112}
      testId="projects-cards"
      {...paging}
      card={(project) => (
        <Stack gap={2}>
          <Group gap="xs" justify="space-between" wrap="nowrap">{projectLink(project)}<ProjectStatusBadge status={project.status} /></Group>
          <Text size="sm" c="dimmed" truncate>{project.organization.name}</Text>
          <Text size="xs" c="dimmed" truncate>
            {[project.endOn ? t('projects:list.endsOn', { day: formatDay(project.endOn) }) : '', budgetText(project), t('projects:list.openTasks', { count: project.openTasks })].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      )}
    />
  );
}
