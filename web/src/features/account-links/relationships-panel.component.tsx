import type { Account } from '@contract/accounts';
import type { Relationship } from '@contract/account-links';
import { ActionIcon, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLinkOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { KindIcon } from '@web/features/accounts/kind-icon.component';
import { useListItems } from '@web/features/lists/use-lists';
import { RelationshipModal } from './relationship-modal.component';
import { useRemoveRelationship } from './use-account-link-mutations';
import { useRelationships } from './use-account-links';

/** Accounts related to this one and why, the same from either side ("related through: supplier"). */
export function RelationshipsPanel({ account }: { account: Account }) {
  const { t } = useTranslation();
  const relationships = useRelationships(account.id);
  const reasons = useListItems('relationship_reason');
  const remove = useRemoveRelationship(account.id);
  const [adding, add] = useDisclosure(false);
  const removing = useConfirm<Relationship>();
  const items = relationships.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('links:relationships.title')}</Title>
          {account.abilities.update && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={add.open}>{t('links:relationships.add')}</Button>
          )}
        </Group>
        <ErrorAlert error={relationships.error} />
        {relationships.isPending && <Loader size="sm" />}
        {!relationships.isPending && items.length === 0 && <Text size="sm" c="dimmed">{t('links:relationships.empty')}</Text>}
        {items.map((relationship) => (
          <Group key={relationship.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <KindIcon kind={relationship.other.kind} />
                <Anchor component={Link} to={`/accounts/${relationship.other.id}`} fw={600} truncate>{relationship.other.name}</Anchor>
                <Badge variant="light" tt="none" color={reasons.find(relationship.reason)?.color ?? 'gray'}>{reasons.label(relationship.reason)}</Badge>
              </Group>
              {relationship.note && <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{relationship.note}</Text>}
            </Stack>
            {account.abilities.update && (
              <ActionIcon variant="subtle" color="red" aria-label={t('links:relationships.remove', { name: relationship.other.name })} onClick={() => removing.ask(relationship)}>
                <IconLinkOff size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      {adding && <RelationshipModal accountId={account.id} exclude={[]} onClose={add.close} />}
      <ConfirmMutationModal
        confirming={removing}
        mutation={remove}
        title={t('links:relationships.removeTitle')}
        message={(subject) => t('links:relationships.removeMessage', { name: subject.other.name })}
        confirmLabel={t('common:action.delete')}
        danger
      />
    </Paper>
  );
}
