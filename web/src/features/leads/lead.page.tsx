import { Anchor, Button, Collapse, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconCalendarEvent, IconChevronDown, IconHistory, IconInbox, IconPhoneCheck, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { RecordGuard } from '@web/components/record-guard.component';
import { AccountContacts } from '@web/features/accounts/account-contacts.component';
import { AccountHistory } from '@web/features/accounts/account-history.component';
import { useAccount } from '@web/features/accounts/use-account';
import { AccountActivities } from '@web/features/activities/account-activities.component';
import { ActivityFormModal } from '@web/features/activities/activity-form-modal.component';
import { ActivityLogModal } from '@web/features/activities/activity-log-modal.component';
import { PreviousNextActivities } from '@web/features/activities/previous-next.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { RequestFormModal } from '@web/features/requests/request-form-modal.component';
import { RequestMoreInformation } from '@web/features/requests/request-more-information.component';
import { RequestsTable } from '@web/features/requests/requests-table.component';
import { useRequests } from '@web/features/requests/use-requests';
import { LeadHeader } from './lead-header.component';
import { AccountEmailStatus } from '@web/features/mail/account-email-status.component';
import { ComposeButton } from '@web/features/mail/mail-launchers.component';
import { LeadMoreInformation } from './lead-more-information.component';

const tabs = ['requests', 'activities', 'contacts', 'history'] as const;

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{title}</Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * Seed 002's "ficha de lead": personal data (more information folds out), the latest request
 * with + for another, the previous and next activity, and detail tabs. Its own route because
 * it is a different page from the account's (request-first), built from the account's pieces.
 */
export function LeadPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const account = useAccount(id);
  const lists = useListLookup();
  const requests = useRequests({ accountId: id, limit: 20 });
  const open = useRequests({ accountId: id, handled: 'false', limit: 1 });
  const [more, moreToggle] = useDisclosure(false);
  const [addingRequest, addRequest] = useDisclosure(false);
  const [scheduling, schedule] = useDisclosure(false);
  const [logging, log] = useDisclosure(false);
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = tabs.find((value) => value === searchParams.get('tab')) ?? 'requests';

  const allRequests = requests.data?.pages.flatMap((page) => page.items) ?? [];
  const latest = allRequests[0];

  return (
    <RecordGuard query={account}>
      {(lead) => (
        <Stack gap="md">
          <LeadHeader account={lead} openRequests={open.data?.pages[0]?.total ?? 0} />
          <Group gap="xs">
            <ComposeButton target={{ accountId: lead.id, requestId: latest?.id ?? null, to: lead.emails.slice(0, 1) }} />
          </Group>
          <AccountEmailStatus accountId={lead.id} />
          <Section title={t('requests:lead.personalData')}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <Text size="sm">{lead.emails.map((email) => <Anchor key={email} href={`mailto:${email}`} display="block">{email}</Anchor>)}</Text>
              <Text size="sm">{lead.phones.map((phone) => <Anchor key={phone} href={`tel:${phone}`} display="block">{phone}</Anchor>)}</Text>
              <Text size="sm">{lead.source ? `${t('requests:lead.source')}: ${lists.label('source', lead.source)}` : ''}</Text>
              <Text size="sm" c="dimmed">{lead.owners.map((owner) => owner.name).join(', ')}</Text>
            </SimpleGrid>
            <Button variant="subtle" size="compact-sm" rightSection={<IconChevronDown size={14} />} onClick={moreToggle.toggle} aria-expanded={more} style={{ alignSelf: 'flex-start' }}>
              {t('leads:moreInformation')}
            </Button>
            <Collapse expanded={more}>
              <LeadMoreInformation account={lead} onReload={account.refetch} />
            </Collapse>
          </Section>
          <Section
            title={t('leads:latestRequest')}
            action={<Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={addRequest.open}>{t('requests:action.add')}</Button>}
          >
            {latest ? (
              <>
                <RequestsTable items={[latest]} showAccount={false} />
                <RequestMoreInformation key={latest.id} accountId={lead.id} request={latest} />
              </>
            ) : (
              <Text size="sm" c="dimmed">{t('requests:list.emptyLead')}</Text>
            )}
          </Section>
          <Section
            title={t('leads:activities')}
            action={(
              <Group gap="xs">
                <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={schedule.open}>{t('activities:action.schedule')}</Button>
                <Button size="compact-sm" variant="light" leftSection={<IconPhoneCheck size={14} />} onClick={log.open}>{t('activities:action.log')}</Button>
              </Group>
            )}
          >
            <PreviousNextActivities accountId={lead.id} />
          </Section>
          <Tabs value={tab} onChange={(value) => setSearchParams(value && value !== 'requests' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="requests" leftSection={<IconInbox size={16} />}>{t('leads:tab.requests')}</Tabs.Tab>
              <Tabs.Tab value="activities" leftSection={<IconCalendarEvent size={16} />}>{t('leads:tab.activities')}</Tabs.Tab>
              <Tabs.Tab value="contacts" leftSection={<IconAddressBook size={16} />}>{t('accounts:tab.contacts')}</Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>{t('accounts:tab.history')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="requests">
              {allRequests.length > 0 ? <RequestsTable items={allRequests} showAccount={false} /> : <Text c="dimmed">{t('requests:list.emptyLead')}</Text>}
            </Tabs.Panel>
            <Tabs.Panel value="activities">
              <AccountActivities accountId={lead.id} canCreate />
            </Tabs.Panel>
            <Tabs.Panel value="contacts">
              <AccountContacts account={lead} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <AccountHistory accountId={lead.id} />
            </Tabs.Panel>
          </Tabs>
          {addingRequest && <RequestFormModal opened accountId={lead.id} onClose={addRequest.close} />}
          {scheduling && <ActivityFormModal opened accountId={lead.id} requestId={latest?.id ?? null} onClose={schedule.close} />}
          {logging && <ActivityLogModal accountId={lead.id} requestId={latest?.id ?? null} onClose={log.close} />}
        </Stack>
      )}
    </RecordGuard>
  );
}
