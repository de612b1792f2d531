import type { User } from '@contract/users';
import { Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCheck, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useConfirm } from '@web/components/confirm';
import { ConfirmModal } from '@web/components/confirm-modal.component';
import { DebouncedTextInput } from '@web/components/debounced-text-input.component';
import { AdminTable } from '@web/components/list-kit/admin-table.component';
import type { RecordColumn } from '@web/components/list-kit/records-table.component';
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
  const firstPage = users.data?.pages[0];
  const teamName = (id: string | null) => teams.data?.items.find((team) => team.id === id)?.name ?? '—';
  const column = (key: string, cell: (user: User) => ReactNode): RecordColumn<User> => ({ key, header: t(`users:field.${key}`), cell });
  const columns = [
    column('name', (user) => <Text size="sm" fw={500}>{user.name}</Text>),
    column('email', (user) => user.email),
    column('role', (user) => t(`users:role.${user.role}`)),
    column('scope', (user) => t(`users:scope.${user.scope}`)),
    column('team', (user) => teamName(user.teamId)),
    column('crmManager', (user) => (user.crmManager ? <IconCheck size={16} aria-label={t('common:yes')} role="img" /> : null)),
    column('active', (user) => (
      <Badge color={user.active ? 'teal' : 'gray'} variant="light" style={{ minWidth: 'max-content' }}>
        {user.active ? t('users:status.active') : t('users:status.inactive')}
      </Badge>
    )),
  ];

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
      <AdminTable
        items={users.data?.pages.flatMap((page) => page.items)}
        error={users.error}
        pending={users.isPending}
        empty={t('users:empty')}
        header={firstPage && <Text size="sm" c="dimmed">{t('users:total', { count: firstPage.total, total: formatTotal(firstPage.total, firstPage.totalIsEstimate) })}</Text>}
        more={users}
        framed
        columns={columns}
        rowKey={(user) => user.id}
        label={t('users:title')}
        rowColor={(user) => (user.active ? undefined : 'dimmed')}
        actionsLabel={t('users:field.actions')}
        actions={(user) => (
          <UserActionsMenu
            user={user}
            isSelf={user.id === me.id}
            onEdit={() => setFormUser(user)}
            onResetPassword={() => passwordUser.ask(user)}
            onToggleActive={() => (user.active ? toggling.ask(user) : setUserActive.mutate({ id: user.id, active: true }))}
          />
        )}
      />
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
