import type { User } from '@contract/users';
import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconEdit, IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = {
  user: User;
  isSelf: boolean;
  onEdit: () => void;
  onResetPassword: () => void;
  onToggleActive: () => void;
};

export function UserActionsMenu({ user, isSelf, onEdit, onResetPassword, onToggleActive }: Props) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users:action.menu', { name: user.name })}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconEdit size={16} />} onClick={onEdit}>
          {t('users:action.edit')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={onResetPassword}>
          {t('users:action.resetPassword')}
        </Menu.Item>
        {/* Admins cannot lock themselves out. */}
        {!isSelf && (
          <Menu.Item
            color={user.active ? 'red' : undefined}
            leftSection={user.active ? <IconUserOff size={16} /> : <IconUserCheck size={16} />}
            onClick={onToggleActive}
          >
            {user.active ? t('users:action.deactivate') : t('users:action.activate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
