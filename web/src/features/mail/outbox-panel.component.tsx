import type { OutboxItem } from '@contract/emails';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDateTime } from '@web/components/format';
import { useDecideMessage, useOutbox } from './use-mail-settings';

/** The messages that wait for an admin: uncertain ones (maybe delivered) and failed ones. */
export function OutboxPanel() {
  const { t } = useTranslation();
  const uncertain = useOutbox('uncertain');
  const failed = useOutbox('failed');
  const decide = useDecideMessage();
  const items: OutboxItem[] = [...(uncertain.data?.items ?? []), ...(failed.data?.items ?? [])];
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('mail:outbox.needsDecision')}</Title>
        <Text size="sm" c="dimmed">{t('mail:outbox.uncertainHelp')}</Text>
        <ErrorAlert error={uncertain.error ?? failed.error ?? decide.error} />
        {items.length === 0 ? (
          <Text size="sm">{t('mail:outbox.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" aria-label={t('mail:outbox.needsDecision')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mail:outbox.to')}</Table.Th>
                  <Table.Th>{t('mail:outbox.subject')}</Table.Th>
                  <Table.Th>{t('mail:outbox.status')}</Table.Th>
                  <Table.Th>{t('mail:outbox.answer')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td><Text size="sm">{item.to.join(', ')}</Text><Text size="xs" c="dimmed">{formatDateTime(item.createdAt)}</Text></Table.Td>
                    <Table.Td><Text size="sm">{item.subject}</Text></Table.Td>
                    <Table.Td><Badge color={item.status === 'failed' ? 'red' : 'yellow'}>{t(`mail:status.${item.status}`)}</Badge></Table.Td>
                    <Table.Td><Text size="xs" lineClamp={2}>{item.lastResponse}</Text></Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button size="xs" variant="light" onClick={() => decide.mutate({ id: item.id, decision: 'retry' })}>{t('mail:outbox.retry')}</Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => decide.mutate({ id: item.id, decision: 'drop' })}>{t('mail:outbox.drop')}</Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
