import type { Quote, QuoteRevision } from '@contract/quotes';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '@web/components/format';
import { QuoteStatusBadge } from './quote-status-badge.component';

/** What a revision changed against the one before it, in words. */
function ChangeSummary({ revision }: { revision: QuoteRevision }) {
  const { t } = useTranslation();
  const changes = revision.changes;
  if (!changes) return <Text size="xs" c="dimmed">{t('quotes:lineage.first')}</Text>;
  const parts = [
    ...changes.fields.map((field) => t(`quotes:changedField.${field}`)),
    changes.linesAdded > 0 ? t('quotes:lineage.added', { count: changes.linesAdded }) : null,
    changes.linesRemoved > 0 ? t('quotes:lineage.removed', { count: changes.linesRemoved }) : null,
    changes.linesChanged > 0 ? t('quotes:lineage.changed', { count: changes.linesChanged }) : null,
  ].filter(Boolean);
  return (
    <Text size="xs" c="dimmed">
      {parts.length > 0 ? parts.join(' · ') : t('quotes:lineage.nothing')}
      {changes.totalBefore !== revision.total && ` · ${t('quotes:lineage.total', { before: formatMoney(changes.totalBefore, revision.currency), after: formatMoney(revision.total, revision.currency) })}`}
    </Text>
  );
}

/** Every revision of the quote, oldest first, this one marked; each with what it changed. */
export function QuoteLineage({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  if (quote.lineage.length < 2) return null;
  return (
    <Stack gap="xs" data-testid="quote-lineage">
      <Title order={4}>{t('quotes:lineage.title')}</Title>
      {quote.lineage.map((revision) => (
        <Paper key={revision.id} withBorder p="xs" bg={revision.id === quote.id ? 'var(--mantine-primary-color-light)' : undefined}>
          <Group justify="space-between" gap="xs">
            <Group gap="xs">
              <Anchor component={Link} to={`/quotes/${revision.id}`} fw={600}>{revision.number ?? t('quotes:draftName', { revision: revision.revision })}</Anchor>
              <QuoteStatusBadge status={revision.status} />
              <Text size="xs" c="dimmed">{formatDate(revision.createdAt)}</Text>
            </Group>
            <Text size="sm" fw={500}>{formatMoney(revision.total, revision.currency)}</Text>
          </Group>
          <ChangeSummary revision={revision} />
        </Paper>
      ))}
    </Stack>
  );
}
