import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDateTime } from '@web/components/format';
import { useAccountEmailStatus, useResubscribe } from './use-email-status';

/** Shown on an account when bulk mail no longer reaches one of its addresses: why, since when, the history; admins may resubscribe. */
export function AccountEmailStatus({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const status = useAccountEmailStatus(accountId);
  const resubscribe = useResubscribe();
  const [asking, setAsking] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const blocked = (status.data?.items ?? []).filter((item) => item.status !== 'ok');
  if (blocked.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconMailOff size={18} />} title={t('mail:accountStatus.title')} data-testid="account-email-status">
      <Stack gap="xs">
        {blocked.map((item) => (
          <Stack key={item.address} gap={2}>
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">{t(item.status === 'bounced' ? 'mail:accountStatus.bounced' : 'mail:accountStatus.unsubscribed', { address: item.address, at: formatDateTime(item.since) })}</Text>
              {status.data?.canResubscribe && <Button size="xs" variant="light" onClick={() => setAsking(item.address)}>{t('mail:accountStatus.resubscribe')}</Button>}
            </Group>
            <List size="xs" c="dimmed">
              {item.history.map((event) => (
                <List.Item key={`${event.action}-${event.at}`}>
                  {formatDateTime(event.at)} · {t(`mail:accountStatus.event.${event.action}`)} · {event.actor?.name ?? t(event.action === 'bounced' ? 'mail:accountStatus.byServer' : 'mail:accountStatus.byPerson')}{event.note ? ` · ${event.note}` : ''}
                </List.Item>
              ))}
            </List>
          </Stack>
        ))}
      </Stack>
      {asking && (
        <Modal opened onClose={() => setAsking(null)} title={t('mail:accountStatus.resubscribeTitle', { address: asking })}>
          <Stack gap="sm">
            <Text size="sm">{t('mail:accountStatus.resubscribeMessage')}</Text>
            <TextInput label={t('mail:accountStatus.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={500} />
            <ErrorAlert error={resubscribe.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>{t('common:action.cancel')}</Button>
              <Button loading={resubscribe.isPending} onClick={() => resubscribe.mutate({ address: asking, note }, { onSuccess: () => setAsking(null) })}>{t('mail:accountStatus.resubscribe')}</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Alert>
  );
}
