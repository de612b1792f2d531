import { Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompact } from '@web/components/list-kit/use-compact';
import { PagedList } from '@web/components/paged-list.component';
import { ProjectFormModal } from './project-form-modal.component';
import { ProjectsCards, ProjectsTable } from './projects-table.component';
import { useProjects } from './use-projects';

/** The organization page's projects tab: its projects, newest first, and a button to start one. */
export function OrganizationProjects({ organizationId, canCreate }: { organizationId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const compact = useCompact();
  const list = useProjects({ organizationId, sort: '-createdAt', limit: 20 });
  const paging = { hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage };
  return (
    <Stack gap="sm" data-testid="organization-projects">
      {canCreate && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('projects:action.new')}</Button>
        </Group>
      )}
      <PagedList query={list} empty={t('projects:section.empty')}>
        {(items) => (compact ? <ProjectsCards items={items} {...paging} /> : <ProjectsTable items={items} visible={['status', 'responsibles', 'endOn', 'budget', 'openTasks']} {...paging} />)}
      </PagedList>
      {creating && <ProjectFormModal organizationId={organizationId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
