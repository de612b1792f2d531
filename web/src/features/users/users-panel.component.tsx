import type { User } from '@contract/users';
import { Badge, Button, Center, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useConfirm } from '@web/components/confirm';
import { ConfirmModal } from '@web/components/confirm-modal.component';
import { DebouncedTextInput } from '@web/components/debounced-text-input.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatTotal } from '@web/components/format';
import { useCurrentUser } from '@web/features/auth/session';
import { UserActionsMenu } from './user-actions-menu.component';
import { UserFormModal } from './user-form-modal.component';
import { UserPasswordModal } from './user-password-modal.component';
import { useSetUserActive } from './use-set-user-active';
import { useTeams } from './use-teams';
import { useUsers, type ActiveFilter } from './use-users';

export function UsersPanel() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const users = useUsers(q, active);
  const teams = useTeams();
  const setUserActive = useSetUserActive();
  // The welcome page's "create a user" lands here with ?new=1: the form opens at once.
  const [searchParams, setSearchParams] = useSearchParams();
  const [formUser, setFormUser] = useState<User | 'new' | null>(searchParams.get('new') === '1' ? 'new' : null);
  const passwordUser = useConfirm<User>();
  const toggling = useConfirm<User>();
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = users.data?.pages[0];
  const teamName = (id: string | null) => teams.data?.items.find((team) => team.id === id)?.name ?? '—';

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Group gap="sm" style={{ flex: 1 }} wrap="wrap">
          <DebouncedTextInput
            aria-label={t('users:search')}
            placeholder={t('users:search')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onCommit={setQ}
            style={{ flex: 1, minWidth: 180, maxWidth: 360 }}
          />
          <SegmentedControl
            value={active}
            onChange={(value) => setActive(value === 'true' || value === 'false' ? value : 'all')}
            data={[
              { value: 'all', label: t('users:filter.all') },
              { value: 'true', label: t('users:filter.active') },
              { value: 'false', label: t('users:filter.inactive') },
            ]}
          />
        </Group>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setFormUser('new')}>
          {t('users:action.new')}
        </Button>
      </Group>
      {firstPage && <Text size="sm" c="dimmed">{t('users:total', { count: firstPage.total, total: formatTotal(firstPage.total, firstPage.totalIsEstimate) })}</Text>}
      <ErrorAlert error={users.error} />
      {users.isPending ? (
        <Center py="xl"><Loader /></Center>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  {(['name', 'email', 'role', 'scope', 'team', 'crmManager', 'active'] as const).map((column) => (
                    <Table.Th key={column}>{t(`users:field.${column}`)}</Table.Th>
                  ))}
                  <Table.Th><VisuallyHidden>{t('users:field.actions')}</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((user) => (
                  <Table.Tr key={user.id} c={user.active ? undefined : 'dimmed'}>
                    <Table.Td fw={500}>{user.name}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>{t(`users:role.${user.role}`)}</Table.Td>
                    <Table.Td>{t(`users:scope.${user.scope}`)}</Table.Td>
                    <Table.Td>{teamName(user.teamId)}</Table.Td>
                    <Table.Td>{user.crmManager ? <IconCheck size={16} aria-label={t('common:yes')} role="img" /> : null}</Table.Td>
                    <Table.Td>
                      <Badge color={user.active ? 'teal' : 'gray'} variant="light">
                        {user.active ? t('users:status.active') : t('users:status.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <UserActionsMenu
                        user={user}
                        isSelf={user.id === me.id}
                        onEdit={() => setFormUser(user)}
                        onResetPassword={() => passwordUser.ask(user)}
                        onToggleActive={() => (user.active ? toggling.ask(user) : setUserActive.mutate({ id: user.id, active: true }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {users.hasNextPage && (
        <Button variant="default" onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
      {formUser && (
        <UserFormModal
          user={formUser === 'new' ? null : formUser}
          onClose={() => {
            setFormUser(null);
            if (searchParams.has('new')) setSearchParams({}, { replace: true });
          }}
        />
      )}
      {passwordUser.subject && <UserPasswordModal user={passwordUser.subject} onClose={passwordUser.close} />}
      <ConfirmModal
        opened={toggling.subject !== null}
        onClose={() => {
          setUserActive.reset();
          toggling.close();
        }}
        title={t('users:deactivate.title')}
        message={toggling.subject ? t('users:deactivate.message', { name: toggling.subject.name }) : ''}
        confirmLabel={t('users:action.deactivate')}
        danger
        loading={setUserActive.isPending}
        error={setUserActive.error}
        onConfirm={() => toggling.subject && setUserActive.mutate({ id: toggling.subject.id, active: false }, { onSuccess: toggling.close })}
      />
    </Stack>
  );
}
