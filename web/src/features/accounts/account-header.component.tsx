import type { Account } from '@contract/accounts';
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconEdit, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmModal } from '@web/components/confirm-modal.component';
import { AccountLogo } from '@web/features/documents/account-logo.component';
import { OwnersModal } from './owners-modal.component';
import { ownerNames } from './owner-names';
import { StageBadge } from './stage-badge.component';
import { useDiscardAccount } from './use-discard-account';

export function AccountHeader({ account, onReload }: { account: Account; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const discard = useDiscardAccount();
  const [confirmOpened, confirm] = useDisclosure(false);
  const [ownersOpened, owners] = useDisclosure(false);

  return (
    <Stack gap="xs">
      <Anchor component={Link} to="/accounts" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('accounts:list.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
        <AccountLogo account={account} />
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {account.name}
            </Title>
          </Group>
          <Group gap="xs">
            <Badge variant="outline" color="gray">
              {t(`accounts:kind.${account.kind}`)}
            </Badge>
            <StageBadge stage={account.stage} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('accounts:field.owners')}: {account.owners.length > 0 ? ownerNames(account.owners) : t('accounts:owners.none')}
          </Text>
        </Stack>
        </Group>
        <Group gap="xs">
          {account.abilities.update && (
            <>
              <Button variant="default" leftSection={<IconUsersGroup size={16} />} onClick={owners.open}>
                {t('accounts:action.editOwners')}
              </Button>
              <Button component={Link} to={`/accounts/${account.id}/edit`} leftSection={<IconEdit size={16} />}>
                {t('accounts:action.edit')}
              </Button>
            </>
          )}
          {account.abilities.discard && (
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={confirm.open}>
              {t('accounts:action.discard')}
            </Button>
          )}
        </Group>
      </Group>
      <OwnersModal key={account.version} account={account} opened={ownersOpened} onClose={owners.close} onReload={onReload} />
      <ConfirmModal
        opened={confirmOpened}
        onClose={confirm.close}
        title={t('accounts:discard.title')}
        message={t('accounts:discard.message', { name: account.name })}
        confirmLabel={t('accounts:action.discard')}
        danger
        loading={discard.isPending}
        error={discard.error}
        onConfirm={() => discard.mutate(account.id, { onSuccess: () => void navigate('/accounts') })}
      />
    </Stack>
  );
}
