import type { Team } from '@contract/users';
import { ActionIcon, Button, Center, Group, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { TeamNameModal } from './team-name-modal.component';
import { useDeleteTeam } from './use-delete-team';
import { useTeams } from './use-teams';

export function TeamsPanel() {
  const { t } = useTranslation();
  const teams = useTeams();
  const remove = useDeleteTeam();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const deleting = useConfirm<Team>();
  const items = teams.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('users:teams.intro')}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('users:teams.new')}
        </Button>
      </Group>
      <ErrorAlert error={teams.error} />
      {teams.isPending ? (
        <Center py="xl"><Loader /></Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">{t('users:teams.empty')}</Text>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users:teams.name')}</Table.Th>
                <Table.Th>{t('users:teams.members')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('users:field.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td fw={500}>{team.name}</Table.Td>
                  <Table.Td>{team.memberCount}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t('users:teams.rename', { name: team.name })} onClick={() => setEditing(team)}>
                        <IconEdit size={18} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t('users:teams.delete', { name: team.name })} onClick={() => deleting.ask(team)}>
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && <TeamNameModal team={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmMutationModal
        confirming={deleting}
        mutation={remove}
        title={t('users:teams.deleteTitle')}
        message={(subject) => t('users:teams.deleteMessage', { name: subject.name })}
        confirmLabel={t('common:action.delete')}
        danger
      />
    </Stack>
  );
}
