import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingPlus, IconFileImport, IconListDetails, IconUserPlus, IconUsersPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '@web/features/auth/session';

function Step({ icon, title, message, children }: { icon: ReactNode; title: string; message: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="xs" h="100%">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
            {icon}
          </ThemeIcon>
          <Title order={4}>{title}</Title>
        </Group>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {message}
        </Text>
        <Group gap="xs">{children}</Group>
      </Stack>
    </Card>
  );
}

/**
 * An installation (or a portfolio) with no accounts yet: the first steps instead of an empty
 * table. Admins also get importing, inviting the sales team and setting up the lists.
 */
export function WelcomePanel() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const admin = me.abilities.manageUsers;
  return (
    <Stack gap="md" py="md" data-testid="welcome">
      <Stack gap={4}>
        <Title order={3}>{t(admin ? 'accounts:welcome.title' : 'accounts:welcome.agentTitle', { name: me.name })}</Title>
        <Text c="dimmed">{t(admin ? 'accounts:welcome.message' : 'accounts:welcome.agentMessage')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {me.abilities.createAccounts && (
          <Step icon={<IconBuildingPlus size={20} />} title={t('accounts:welcome.add.title')} message={t('accounts:welcome.add.message')}>
            <Button component={Link} to="/accounts/new?kind=organization" size="xs" leftSection={<IconBuildingPlus size={14} />}>
              {t('accounts:action.newOrganization')}
            </Button>
            <Button component={Link} to="/accounts/new?kind=person" size="xs" variant="light" leftSection={<IconUserPlus size={14} />}>
              {t('accounts:action.newPerson')}
            </Button>
          </Step>
        )}
        {me.abilities.createAccounts && (
          <Step icon={<IconFileImport size={20} />} title={t('accounts:welcome.import.title')} message={t('accounts:welcome.import.message')}>
            <Button component={Link} to="/imports/new" size="xs" variant="light">
              {t('accounts:welcome.import.action')}
            </Button>
          </Step>
        )}
        {admin && (
          <Step icon={<IconUsersPlus size={20} />} title={t('accounts:welcome.invite.title')} message={t('accounts:welcome.invite.message')}>
            <Button component={Link} to="/users?new=1" size="xs" variant="light">
              {t('accounts:welcome.invite.action')}
            </Button>
          </Step>
        )}
        {me.abilities.manageLists && (
          <Step icon={<IconListDetails size={20} />} title={t('accounts:welcome.lists.title')} message={t('accounts:welcome.lists.message')}>
            <Button component={Link} to="/lists" size="xs" variant="light">
              {t('accounts:welcome.lists.action')}
            </Button>
          </Step>
        )}
      </SimpleGrid>
    </Stack>
  );
}
