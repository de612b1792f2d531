import type { Duplicate } from '@contract/accounts';
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KindIcon } from './kind-icon.component';
import { StageBadge } from './stage-badge.component';

/**
 * Seed 003's warning before saving: these accounts look like the one being created; open one
 * instead, or go on. Editing an account that exists (`accountId`), it may be merged with one.
 */
export function DuplicateWarning({ duplicates, accountId }: { duplicates: Duplicate[]; accountId?: string }) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconCopy size={18} />} title={t('company:duplicates.title', { count: duplicates.length })} data-testid="duplicate-warning">
      <Stack gap="xs">
        <Text size="sm">{t('company:duplicates.message')}</Text>
        {duplicates.map((duplicate) => (
          <Group key={duplicate.id} gap="xs" wrap="wrap">
            <KindIcon kind={duplicate.kind} />
            <Anchor component={Link} to={`/accounts/${duplicate.id}`} fw={600} aria-label={t('company:duplicates.open', { name: duplicate.name })}>
              {duplicate.name}
            </Anchor>
            <StageBadge stage={duplicate.stage} />
            <Text size="xs" c="dimmed">
              {duplicate.matched.map((what) => t('company:duplicates.matched', { what: t(`company:duplicates.what.${what}`) })).join(' · ')}
            </Text>
            {accountId && (
              <Anchor component={Link} to={`/accounts/merge?ids=${accountId},${duplicate.id}`} size="sm" aria-label={t('accounts:merge.withThisNamed', { name: duplicate.name })}>
                {t('accounts:merge.withThis')}
              </Anchor>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
