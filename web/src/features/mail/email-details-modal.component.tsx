import { Badge, Center, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDateTime } from '@web/components/format';
import { useEmailOfActivity } from './use-send-email';

const statusColors: Record<string, string> = { sent: 'teal', failed: 'red', uncertain: 'yellow', suppressed: 'gray', cancelled: 'gray' };

/** An e-mail activity's message: who, to whom, when, the body, attachments and delivery status. */
export function EmailDetailsModal({ activityId, onClose }: { activityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const email = useEmailOfActivity(activityId);
  const data = email.data;
  return (
    <Modal opened onClose={onClose} title={t('mail:details.title')} size="lg" fullScreen={window.innerWidth < 600}>
      {email.isPending ? <Center py="lg"><Loader /></Center> : !data ? <ErrorAlert error={email.error} /> : (
        <Stack gap="xs" data-testid="email-details">
          <Group justify="space-between" wrap="wrap">
            <Text fw={600}>{data.subject}</Text>
            <Badge color={statusColors[data.status] ?? 'blue'}>{t(`mail:status.${data.status}`)}</Badge>
          </Group>
          <Text size="sm">{t('mail:details.from')}: {data.author?.name ?? '—'}</Text>
          <Text size="sm">{t('mail:compose.to')}: {data.to.join(', ')}</Text>
          {data.cc.length > 0 && <Text size="sm">{t('mail:compose.cc')}: {data.cc.join(', ')}</Text>}
          {data.bcc.length > 0 && <Text size="sm">{t('mail:compose.bcc')}: {data.bcc.join(', ')}</Text>}
          <Text size="sm">{t('mail:details.sentAt')}: {data.sentAt ? formatDateTime(data.sentAt) : '—'}</Text>
          <Text size="sm" c="dimmed">{data.trackOpens ? (data.openedAt ? t('mail:details.opened', { at: formatDateTime(data.openedAt) }) : t('mail:details.notOpened')) : t('mail:details.noTracking')}</Text>
          {data.lastResponse && <Text size="xs" c="dimmed">{data.lastResponse}</Text>}
          {data.attachments.length > 0 && <Text size="sm">{t('mail:details.attachments')}: {data.attachments.map((item) => item.name).join(', ')}</Text>}
          <Paper withBorder p="sm">
            <iframe title={data.subject} sandbox="" srcDoc={data.html} style={{ width: '100%', minHeight: 220, border: 0 }} />
          </Paper>
        </Stack>
      )}
    </Modal>
  );
}
