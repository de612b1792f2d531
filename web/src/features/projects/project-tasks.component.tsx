import type { Project } from '@contract/projects';
import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PagedList } from '@web/components/paged-list.component';
import { ActivitiesTable } from '@web/features/activities/activities-table.component';
import { ActivityFormModal } from '@web/features/activities/activity-form-modal.component';
import { useActivities } from '@web/features/activities/use-activities';

/**
 * The project's tasks: activities of type task linked to it, soonest first. They are activities
 * like any other, so they ring in the bell, remind and show in the calendar; marking one done is
 * the activities table's own action.
 */
export function ProjectTasks({ project }: { project: Project }) {
  const { t } = useTranslation();
  const [adding, add] = useDisclosure(false);
  const tasks = useActivities({ projectId: project.id, type: 'task', sort: 'startAt', limit: 50 });
  return (
    <Stack gap="sm" data-testid="project-tasks">
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={add.open}>{t('projects:action.addTask')}</Button>
      </Group>
      <PagedList query={tasks} empty={t('projects:page.tasksEmpty')}>
        {(items) => <ActivitiesTable items={items} showAccount={false} />}
      </PagedList>
      {adding && <ActivityFormModal opened accountId={project.organization.id} projectId={project.id} initialType="task" onClose={add.close} />}
    </Stack>
  );
}
