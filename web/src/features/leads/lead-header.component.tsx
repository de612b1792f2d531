import type { Account } from '@contract/accounts';
import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp, IconArrowLeft, IconCircleCheck, IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '@web/components/confirm-modal.component';
import { KindIcon } from '@web/features/accounts/kind-icon.component';
import { StageBadge } from '@web/features/accounts/stage-badge.component';
import { useCurrentUser } from '@web/features/auth/session';
import { QualifyModal } from './qualify-modal.component';
import { useUnqualifyLead } from './use-unqualify-lead';

/** The lead's name and stage, with qualify (and an admin's undo). */
export function LeadHeader({ account, openRequests }: { account: Account; openRequests: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [qualifyOpened, qualify] = useDisclosure(false);
  const [undoOpened, undo] = useDisclosure(false);
  const unqualify = useUnqualifyLead(account.id);
  return (
    <Stack gap="xs">
      <Anchor component={Link} to="/requests" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('requests:list.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <KindIcon kind={account.kind} size={24} />
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>
            {account.name}
          </Title>
          <StageBadge stage={account.stage} />
        </Group>
        <Group gap="xs">
          {account.abilities.update && (
            <Button variant="default" component={Link} to={`/accounts/${account.id}/edit`} leftSection={<IconEdit size={16} />}>
              {t('accounts:action.edit')}
            </Button>
          )}
          {account.stage !== 'customer' && (
            <Button color="teal" leftSection={<IconCircleCheck size={16} />} onClick={qualify.open}>
              {t('leads:action.qualify')}
            </Button>
          )}
          {account.stage === 'customer' && me.abilities.unqualifyLeads && (
            <Button variant="light" color="orange" leftSection={<IconArrowBackUp size={16} />} onClick={undo.open}>
              {t('leads:action.unqualify')}
            </Button>
          )}
        </Group>
      </Group>
      <QualifyModal account={account} openRequests={openRequests} opened={qualifyOpened} onClose={qualify.close} />
      <ConfirmModal
        opened={undoOpened}
        onClose={undo.close}
        title={t('leads:unqualify.title')}
        message={t('leads:unqualify.message', { name: account.name })}
        confirmLabel={t('leads:action.unqualify')}
        loading={unqualify.isPending}
        error={unqualify.error}
        onConfirm={() => unqualify.mutate({ version: account.version }, { onSuccess: undo.close })}
      />
    </Stack>
  );
}
