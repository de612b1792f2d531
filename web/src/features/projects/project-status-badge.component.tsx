import type { ProjectStatus } from '@contract/projects';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<ProjectStatus, string> = { planned: 'gray', active: 'blue', on_hold: 'yellow', done: 'teal', cancelled: 'red' };

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return <Badge color={colors[status]} variant="light" data-testid="project-status">{t(`projects:status.${status}`)}</Badge>;
}
