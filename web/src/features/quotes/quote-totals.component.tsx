import type { QuoteTotals } from '@contract/quotes';
import { Divider, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@web/components/format';

type Props = {
  totals: Pick<QuoteTotals, 'netTotal' | 'taxTotal' | 'total' | 'taxes'>;
  currency: string;
  /** The server is pricing the latest edit: these figures are its previous answer. */
  pending: boolean;
  /** The figures are of lines not saved yet. */
  unsaved: boolean;
};

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" fw={strong ? 700 : undefined}>{label}</Text>
      <Text size="sm" fw={strong ? 700 : undefined} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>{value}</Text>
    </Group>
  );
}

/** The quote's totals and its tax per rate, exactly as the server computed them (the browser never adds money up). */
export function QuoteTotalsPanel({ totals, currency, pending, unsaved }: Props) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <Paper withBorder p="sm" data-testid="quote-totals" aria-busy={pending} w={{ base: '100%', sm: 360 }} ml="auto">
      <Stack gap={6}>
        <Row label={t('quotes:totals.net')} value={money(totals.netTotal)} testId="total-net" />
        {totals.taxes.map((bucket) => (
          <Row
            key={bucket.rate}
            label={t('quotes:totals.taxLine', { rate: percent.format(bucket.rate), base: money(bucket.base) })}
            value={money(bucket.tax)}
            testId={`tax-${bucket.rate}`}
          />
        ))}
        <Row label={t('quotes:totals.tax')} value={money(totals.taxTotal)} testId="total-tax" />
        <Divider />
        <Row label={t('quotes:totals.total')} value={money(totals.total)} strong testId="total" />
        {(pending || unsaved) && (
          <Group gap={6} justify="flex-end">
            {pending && <Loader size="xs" />}
            <Text size="xs" c="dimmed">{pending ? t('quotes:totals.pricing') : t('quotes:totals.unsaved')}</Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
