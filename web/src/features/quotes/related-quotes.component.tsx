import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, formatMoney } from '@web/components/format';
import { PagedList } from '@web/components/paged-list.component';
import { NewQuoteModal } from './new-quote-modal.component';
import { QuoteName } from './quote-columns.component';
import { QuoteStatusBadge } from './quote-status-badge.component';
import { useQuotes } from './use-quotes';

type Props = { accountId: string; opportunityId?: string; canCreate: boolean };

/** The quotes of an account or of one of its opportunities, newest first, with "new quote" prefilled for them. */
export function RelatedQuotes({ accountId, opportunityId, canCreate }: Props) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useQuotes(opportunityId ? { opportunityId } : { accountId }, 20);
  const filter = opportunityId ? `opportunityId=${encodeURIComponent(opportunityId)}` : `accountId=${encodeURIComponent(accountId)}`;
  return (
    <Stack gap="sm" data-testid="related-quotes">
      <Group gap="xs">
        {canCreate && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('quotes:action.new')}</Button>}
        <Button component={Link} to={`/quotes?${filter}`} variant="subtle">{t('quotes:section.all')}</Button>
      </Group>
      <PagedList query={list} empty={t('quotes:section.empty')}>
        {(items) => (
          <Stack gap="xs">
            {items.map((quote) => (
              <Paper key={quote.id} withBorder p="xs" data-testid="related-quote">
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                  <QuoteName quote={quote} />
                  <div><QuoteStatusBadge status={quote.status} /></div>
                  <Text size="sm" c="dimmed">{formatDay(quote.issueDate)}</Text>
                  <Text size="sm" fw={600} ta="right">{formatMoney(quote.total, quote.currency)}</Text>
                </SimpleGrid>
              </Paper>
            ))}
          </Stack>
        )}
      </PagedList>
      {creating && <NewQuoteModal accountId={accountId} opportunityId={opportunityId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
