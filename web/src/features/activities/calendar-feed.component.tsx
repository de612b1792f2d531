import { Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDateTime } from '@web/components/format';
import { useCalendarFeed, useRevokeCalendarFeed, useRotateCalendarFeed } from './use-calendar-feed';

/** My private iCalendar URL for Google Calendar or Outlook: shown once when made; a new one revokes the old. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const rotate = useRotateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const url = rotate.data?.url;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group gap="xs">
          <IconCalendarShare size={18} />
          <Text fw={600}>{t('activities:feed.title')}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {feed.data?.active && !url ? t('activities:feed.active', { date: formatDateTime(feed.data.createdAt) }) : t('activities:feed.explain')}
        </Text>
        {url && (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput label={t('activities:feed.url')} description={t('activities:feed.copyNow')} value={url} readOnly style={{ flex: 1 }} onFocus={(event) => event.currentTarget.select()} />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('activities:feed.copied') : t('activities:feed.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        <Group gap="xs">
          <Button variant="light" loading={rotate.isPending} onClick={() => rotate.mutate()}>
            {feed.data?.active ? t('activities:feed.rotate') : t('activities:feed.create')}
          </Button>
          {feed.data?.active && (
            <Button variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate(undefined, { onSuccess: () => rotate.reset() })}>
              {t('activities:feed.revoke')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={rotate.error ?? revoke.error} />
      </Stack>
    </Paper>
  );
}
