import type { RiskSignal } from '@contract/registry';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '@web/components/format';

/** One signal: what, since when, from where, in the source's own words. */
export function SignalLine({ signal }: { signal: RiskSignal }) {
  const { t } = useTranslation();
  // A source is its origin and a detail, colon-separated: a register and its country, or own invoices.
  const [origin = '', detail = ''] = signal.source.split(':');
  const source = origin === 'registry'
    ? t('credit:source.registry', { country: t(`credit:country.${detail}`, { defaultValue: detail }) })
    : t(`credit:source.${origin}_${detail}`, { defaultValue: signal.source });
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600} c={signal.severity === 'high' ? 'red' : 'yellow.8'}>{t(`credit:signal.${signal.code}`)}</Text>
      <Text size="xs" c="dimmed">
        {[signal.since && /^\d{4}-\d{2}-\d{2}/.test(signal.since) ? t('credit:since', { date: formatDay(signal.since.slice(0, 10)) }) : null, signal.detail, source].filter(Boolean).join(' · ')}
      </Text>
    </Group>
  );
}
