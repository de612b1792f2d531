import type { RegistryLookup } from '@contract/registry';
import { Alert, Button, CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@web/components/format';
import { countryFlag } from './country-flag';
import type { Proposal } from './registry-fill';
import { RegistryStatusBadge } from './registry-status-badge.component';

type Props = {
  lookup: RegistryLookup;
  differences: Proposal[];
  onAccept: (proposal: Proposal) => void;
  onKeep: (proposal: Proposal) => void;
  onUnlink: () => void;
};

/**
 * The company chosen from the register: what it says (kept with the account for audit), and where
 * it differs from what the user typed, to accept value by value. Nothing typed is replaced unasked.
 */
export function RegistryChoice({ lookup, differences, onAccept, onKeep, onUnlink }: Props) {
  const { t } = useTranslation();
  const { company } = lookup;
  const facts = [
    company.legalForm,
    company.employees ? t('registry:choice.employees', { count: Number(company.employees) || 0, value: company.employees }) : null,
    company.industry,
  ].filter(Boolean);
  return (
    <Paper withBorder p="md" data-testid="registry-choice">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              <span aria-hidden>{countryFlag(company.country)}</span> {company.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('registry:choice.source', { country: t(`registry:country.${company.country}`), number: company.number, at: formatDateTime(lookup.fetchedAt) })}
            </Text>
            {facts.length > 0 && <Text size="xs">{facts.join(' · ')}</Text>}
            <RegistryStatusBadge status={company.status} text={company.statusText} />
          </Stack>
          <CloseButton aria-label={t('registry:choice.unlink')} onClick={onUnlink} />
        </Group>
        {company.status !== 'active' && (
          <Alert color={company.status === 'warning' ? 'yellow' : 'red'} p="xs">
            {t('registry:choice.statusWarning', { status: company.statusText ?? t(`registry:status.${company.status}`) })}
          </Alert>
        )}
        {differences.length > 0 && (
          <Stack gap={6} data-testid="registry-differences">
            <Text size="sm" fw={600}>{t('registry:choice.differences')}</Text>
            {differences.map((proposal) => (
              <Group key={proposal.field} gap={6} wrap="wrap" justify="space-between">
                <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>{t(`registry:field.${proposal.field}`)}:</Text>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{proposal.current}</Text>
                  <IconArrowRight size={12} aria-hidden />
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{proposal.value}</Text>
                </Group>
                <Group gap={4}>
                  <Button size="compact-xs" variant="light" onClick={() => onAccept(proposal)} aria-label={t('registry:choice.acceptField', { field: t(`registry:field.${proposal.field}`) })}>
                    {t('registry:choice.accept')}
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onKeep(proposal)} aria-label={t('registry:choice.keepField', { field: t(`registry:field.${proposal.field}`) })}>
                    {t('registry:choice.keep')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
