import { Stack, Tabs, Title } from '@mantine/core';
import { IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TeamsPanel } from './teams-panel.component';
import { UsersPanel } from './users-panel.component';

export function UsersPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') === 'teams' ? 'teams' : 'users';
  return (
    <Stack gap="md">
      <Title order={2}>{t('users:title')}</Title>
      <Tabs value={tab} onChange={(value) => setSearchParams(value === 'teams' ? { tab: 'teams' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users" leftSection={<IconUsers size={16} />}>
            {t('users:tab.users')}
          </Tabs.Tab>
          <Tabs.Tab value="teams" leftSection={<IconUsersGroup size={16} />}>
            {t('users:tab.teams')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="teams">
          <TeamsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
