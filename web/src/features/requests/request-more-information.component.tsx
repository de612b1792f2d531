import type { Request } from '@contract/requests';
import { Button, Collapse, Paper, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@web/components/format';
import { Field } from '@web/features/accounts/account-overview.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { RequestForm } from './request-form.component';

/** Seed 002's "más información" of a request: every field of it, read or edited in place. */
export function RequestMoreInformation({ accountId, request }: { accountId: string; request: Request }) {
  const { t } = useTranslation();
  const lists = useListLookup();
  const [opened, toggle] = useDisclosure(false);
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="xs">
      <Button variant="subtle" size="compact-sm" rightSection={<IconChevronDown size={14} />} onClick={toggle.toggle} aria-expanded={opened} style={{ alignSelf: 'flex-start' }}>
        {t('leads:requestMoreInformation')}
      </Button>
      <Collapse expanded={opened}>
        {editing ? (
          <Paper withBorder p="md">
            <RequestForm accountId={accountId} request={request} onDone={() => setEditing(false)} label={t('leads:requestMoreInformation')} />
          </Paper>
        ) : (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
                <Field label={t('requests:field.requestedAt')}>{formatDateTime(request.requestedAt)}</Field>
                <Field label={t('requests:field.interest')}>{lists.label('request_interest', request.interest)}</Field>
                <Field label={t('requests:field.group')}>{lists.label('request_group', request.group)}</Field>
                <Field label={t('requests:field.channel')}>{lists.label('request_channel', request.channel)}</Field>
                <Field label={t('requests:field.source')}>{lists.label('source', request.source)}</Field>
                <Field label={t('requests:field.responsible')}>{request.responsible?.name ?? null}</Field>
                <Field label={t('requests:field.reason')}>{request.reason}</Field>
                <Field label={t('requests:field.notes')}>{request.notes}</Field>
              </SimpleGrid>
              <Button variant="light" size="compact-sm" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }}>
                {t('leads:editRequest')}
              </Button>
            </Stack>
          </Paper>
        )}
      </Collapse>
    </Stack>
  );
}
