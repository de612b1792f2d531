import type { Quote } from '@contract/quotes';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '@web/components/format';
import { RecordGuard } from '@web/components/record-guard.component';
import { AutosaveStatus } from './autosave-status.component';
import { QuoteActions } from './quote-actions.component';
import { QuoteHeaderForm } from './quote-header-form.component';
import { QuoteLineage } from './quote-lineage.component';
import { QuoteLinesSection } from './quote-lines-section.component';
import { QuoteStatusBadge } from './quote-status-badge.component';
import { quoteKeys } from './quote-keys';
import { useQuoteAutosave } from './use-quote-autosave';
import { useQuote } from './use-quotes';

/** The quote editor: header, lines and the server's totals, its actions, the customer's answer and the revisions. */
export function QuotePage() {
  const { id = '' } = useParams();
  const query = useQuote(id);
  const queryClient = useQueryClient();
  // Taking the latest version after a conflict opens the editor afresh on it, the edits dropped.
  const [round, setRound] = useState(0);
  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: quoteKeys.one(id) });
    setRound((current) => current + 1);
  };
  // A quote of an account outside the user's portfolio does not exist for them (the API answers 404).
  // Keyed by the quote: another revision opens with nothing unsaved.
  return <RecordGuard query={query}>{(quote) => <QuoteEditor key={`${quote.id}:${round}`} quote={quote} onReload={() => void reload()} />}</RecordGuard>;
}

function QuoteEditor({ quote, onReload }: { quote: Quote; onReload: () => void }) {
  const { t } = useTranslation();
  const autosave = useQuoteAutosave(quote);
  const decision = quote.decision;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={2} data-testid="quote-number">{quote.number ?? t('quotes:draftName', { revision: quote.revision })}</Title>
            <QuoteStatusBadge status={quote.status} />
            {quote.revision > 1 && <Badge variant="outline">{t('quotes:revision', { revision: quote.revision })}</Badge>}
          </Group>
          <Group gap="xs">
            <Anchor component={Link} to={`/accounts/${quote.account.id}`} style={{ overflowWrap: 'anywhere' }}>{quote.account.name}</Anchor>
            {quote.opportunity && <Anchor component={Link} to={`/opportunities/${quote.opportunity.id}`} size="sm" c="dimmed">{quote.opportunity.name}</Anchor>}
          </Group>
        </Stack>
        <QuoteActions quote={quote} unsaved={autosave.unsaved} />
      </Group>
      {decision && (
        <Paper withBorder p="sm" data-testid="quote-decision">
          <Text size="sm">
            {t(`quotes:decision.${quote.status === 'declined' ? 'declinedBy' : 'acceptedBy'}`, { name: decision.name ?? '—', at: formatDateTime(decision.at) })}
            {decision.ip && ` · ${t('quotes:decision.ip', { ip: decision.ip })}`}
          </Text>
          {decision.reason && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{decision.reason}</Text>}
        </Paper>
      )}
      {quote.abilities.edit && <AutosaveStatus autosave={autosave} onReload={onReload} />}
      <Paper withBorder p="md">
        <QuoteHeaderForm quote={quote} autosave={autosave} />
      </Paper>
      <Title order={4}>{t('quotes:lines.title')}</Title>
      <QuoteLinesSection quote={quote} autosave={autosave} />
      <QuoteLineage quote={quote} />
    </Stack>
  );
}
