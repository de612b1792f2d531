import type { Account } from '@contract/accounts';
import type { CreditMonitoring } from '@contract/credit';
import { Alert, Button, Center, Group, Loader, Paper, SegmentedControl, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDateTime } from '@web/components/format';
import { RiskBadge } from './risk-badge.component';
import { SignalLine } from './signal-line.component';
import { useCheckNow, useCredit, useSetMonitoring } from './use-credit';

const monitorings: CreditMonitoring[] = ['auto', 'on', 'off'];

/** Seed 003's credit monitoring of a company: whether it is watched, its risk now, the signals, and every change. */
export function CreditPanel({ account }: { account: Account }) {
  const { t } = useTranslation();
  const credit = useCredit(account.id);
  const setMonitoring = useSetMonitoring(account.id);
  const check = useCheckNow(account.id);
  if (credit.isPending) return <Center py="md"><Loader size="sm" /></Center>;
  if (!credit.data) return <ErrorAlert error={credit.error} />;
  const data = credit.data;
  const canEdit = account.abilities.update;
  return (
    <Stack gap="md" maw={900}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs">
              <Title order={4}>{t('credit:title')}</Title>
              <RiskBadge level={data.riskLevel} />
            </Group>
            {canEdit && data.monitored && (
              <Button variant="light" leftSection={<IconRefresh size={16} />} loading={check.isPending} onClick={() => check.mutate()}>
                {t('credit:checkNow')}
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {data.checkedAt ? t('credit:checkedAt', { at: formatDateTime(data.checkedAt) }) : t('credit:neverChecked')}
            {data.checkedAs ? ` · ${t('credit:checkedAs', { entry: data.checkedAs })}` : ''}
          </Text>
          {!data.checkedAs && data.monitored && <Alert color="yellow" p="xs">{t('credit:noEntry')}</Alert>}
          {data.checkError && <Text size="sm" c="orange.8">{t('credit:checkError', { error: data.checkError })}</Text>}
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('credit:monitoring.label')}</Text>
            <SegmentedControl
              data={monitorings.map((value) => ({ value, label: t(`credit:monitoring.${value}`) }))}
              value={data.monitoring}
              onChange={(value) => {
                const chosen = monitorings.find((item) => item === value);
                if (chosen) setMonitoring.mutate(chosen);
              }}
              disabled={!canEdit || setMonitoring.isPending}
              fullWidth
              styles={{ label: { whiteSpace: 'normal' } }}
            />
            <Text size="xs" c="dimmed">{t(data.monitored ? 'credit:monitoring.watched' : 'credit:monitoring.notWatched')}</Text>
          </Stack>
          <ErrorAlert error={setMonitoring.error ?? check.error} />
          {data.signals.length > 0 ? (
            <Stack gap={4} data-testid="credit-signals">
              {data.signals.map((signal) => <SignalLine key={`${signal.source}-${signal.code}`} signal={signal} />)}
            </Stack>
          ) : data.checkedAt ? <Text size="sm">{t('credit:noSignals')}</Text> : null}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={5}>{t('credit:history')}</Title>
          {data.history.length === 0 ? (
            <Text size="sm" c="dimmed">{t('credit:noHistory')}</Text>
          ) : (
            <Timeline bulletSize={18} lineWidth={2}>
              {data.history.map((event) => (
                <Timeline.Item key={event.id} title={t('credit:change', { before: t(`credit:level.${event.levelBefore}`), after: t(`credit:level.${event.levelAfter}`) })}>
                  <Text size="xs" c="dimmed">{formatDateTime(event.at)}</Text>
                  {event.signalsAfter.map((signal) => <SignalLine key={`${signal.source}-${signal.code}`} signal={signal} />)}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
