import type { Account } from '@contract/accounts';
import type { Trait } from '@contract/account-links';
import { ActionIcon, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useListItems } from '@web/features/lists/use-lists';
import { TraitModal } from './trait-modal.component';
import { useRemoveTrait } from './use-account-link-mutations';
import { useTraits, type TraitFamily } from './use-account-links';

const kindColors: Record<string, string> = { interest: 'teal', disinterest: 'red', unmet_need: 'orange' };

/** The account's characteristics or interest areas (seed 000), each with its note. */
export function TraitsPanel({ account, family }: { account: Account; family: TraitFamily }) {
  const { t } = useTranslation();
  const traits = useTraits(account.id, family);
  const list = useListItems(family === 'characteristics' ? 'characteristic' : 'interest_area');
  const remove = useRemoveTrait(account.id, family);
  const [editing, setEditing] = useState<Trait | 'new' | null>(null);
  const removing = useConfirm<Trait>();
  const items = traits.data?.items ?? [];
  const canEdit = account.abilities.update;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t(`links:${family}.title`)}</Title>
          {canEdit && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
              {t(`links:${family}.add`)}
            </Button>
          )}
        </Group>
        <ErrorAlert error={traits.error} />
        {traits.isPending && <Loader size="sm" />}
        {!traits.isPending && items.length === 0 && <Text size="sm" c="dimmed">{t(`links:${family}.empty`)}</Text>}
        {items.map((trait) => {
          const name = list.label(trait.key);
          return (
            <Group key={trait.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid={`trait-${trait.key}`}>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge color={list.find(trait.key)?.color ?? 'gray'} variant="light" tt="none">{name}</Badge>
                  {family === 'interests' && (
                    <Badge color={kindColors[trait.kind] ?? 'gray'} variant="outline" tt="none" size="sm">{t(`links:interestKind.${trait.kind}`)}</Badge>
                  )}
                </Group>
                {trait.note && <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{trait.note}</Text>}
              </Stack>
              {canEdit && (
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={t('links:edit', { name })} onClick={() => setEditing(trait)}><IconEdit size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={t('links:remove', { name })} onClick={() => removing.ask(trait)}><IconTrash size={16} /></ActionIcon>
                </Group>
              )}
            </Group>
          );
        })}
      </Stack>
      {editing && <TraitModal accountId={account.id} family={family} trait={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmMutationModal
        confirming={removing}
        mutation={remove}
        title={t('links:removeTitle')}
        message={(subject) => t('links:removeMessage', { name: list.label(subject.key) })}
        confirmLabel={t('common:action.delete')}
        danger
      />
    </Paper>
  );
}
