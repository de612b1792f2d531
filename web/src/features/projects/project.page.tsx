import { Anchor, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconChecklist, IconFileCertificate, IconFiles, IconHistory, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { RecordField as Field } from '@web/components/record-field.component';
import { formatDateTime, formatDay, formatMoney } from '@web/components/format';
import { RecordHistory } from '@web/features/accounts/record-history.component';
import { RelatedAgreements } from '@web/features/agreements/related-agreements.component';
import { useAccount } from '@web/features/accounts/use-account';
import { AccountDocuments } from '@web/features/documents/account-documents.component';
import { ProjectFormModal } from './project-form-modal.component';
import { ProjectStatusBadge } from './project-status-badge.component';
import { ProjectTasks } from './project-tasks.component';
import { useProject, useProjectHistory } from './use-projects';

/** A project: its fields, its tasks (add, mark done), its documents and its history. */
export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useProject(id);
  const project = query.data;
  const organization = useAccount(project?.organization.id ?? '');
  const history = useProjectHistory(id);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Center py="xl"><Loader /></Center>;
  if (!project) return <ErrorAlert error={query.error} />;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>{project.name}</Title>
          <Group gap="xs">
            <Anchor component={Link} to={`/accounts/${project.organization.id}`}>{project.organization.name}</Anchor>
            <ProjectStatusBadge status={project.status} />
          </Group>
        </Stack>
        <Button variant="default" onClick={() => setEditing(true)}>{t('projects:action.edit')}</Button>
      </Group>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>{t('projects:page.overview')}</Tabs.Tab>
          <Tabs.Tab value="tasks" leftSection={<IconChecklist size={16} />}>{t('projects:page.tasks', { count: project.openTasks })}</Tabs.Tab>
          <Tabs.Tab value="agreements" leftSection={<IconFileCertificate size={16} />}>{t('agreements:section.title')}</Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFiles size={16} />}>{t('projects:page.documents')}</Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>{t('projects:page.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <Field label={t('projects:field.responsibles')}>{project.responsibles.map((user) => user.name).join(', ')}</Field>
              <Field label={t('projects:field.startOn')}>{formatDay(project.startOn)}</Field>
              <Field label={t('projects:field.endOn')}>{formatDay(project.endOn)}</Field>
              <Field label={t('projects:field.budget')}>{project.budget ? formatMoney(project.budget.amount, project.budget.currency) : ''}</Field>
              <Field label={t('projects:column.openTasks')}>{project.openTasks}</Field>
              <Field label={t('projects:column.createdAt')}>{formatDateTime(project.createdAt)}</Field>
              <Field label={t('projects:field.createdBy')}>{project.createdBy?.name}</Field>
            </SimpleGrid>
            {project.description && <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>{project.description}</Text>}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="tasks">
          <ProjectTasks project={project} />
        </Tabs.Panel>
        <Tabs.Panel value="agreements">
          <RelatedAgreements organizationId={project.organization.id} projectId={project.id} canCreate />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          {organization.data ? <AccountDocuments account={organization.data} projectId={project.id} /> : <ErrorAlert error={organization.error} />}
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <RecordHistory history={history} empty={t('projects:page.historyEmpty')} />
        </Tabs.Panel>
      </Tabs>
      {editing && <ProjectFormModal project={project} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
