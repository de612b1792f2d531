import type { Team } from '@contract/users';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { AdminTable } from '@web/components/list-kit/admin-table.component';
import { EditDeleteActions } from '@web/components/list-kit/row-actions.component';
import { TeamNameModal } from './team-name-modal.component';
import { useDeleteTeam } from './use-delete-team';
import { useTeams } from './use-teams';

export function TeamsPanel() {
  const { t } = useTranslation();
  const teams = useTeams();
  const remove = useDeleteTeam();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const deleting = useConfirm<Team>();

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('users:teams.intro')}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('users:teams.new')}
        </Button>
      </Group>
      <AdminTable
        items={teams.data?.items}
        error={teams.error}
        pending={teams.isPending}
        empty={t('users:teams.empty')}
        framed
        columns={[
          { key: 'name', header: t('users:teams.name'), cell: (team) => <Text size="sm" fw={500}>{team.name}</Text> },
          { key: 'members', header: t('users:teams.members'), cell: (team) => team.memberCount },
        ]}
        rowKey={(team) => team.id}
        label={t('users:tab.teams')}
        actionsLabel={t('users:field.actions')}
        actions={(team) => (
          <EditDeleteActions
            edit={{ label: t('users:teams.rename', { name: team.name }), onClick: () => setEditing(team) }}
            remove={{ label: t('users:teams.delete', { name: team.name }), onClick: () => deleting.ask(team) }}
          />
        )}
      />
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
