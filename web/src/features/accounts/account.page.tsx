import { Group, Stack, Tabs } from '@mantine/core';
import { IconAddressBook, IconCalendarEvent, IconChecklist, IconFileCertificate, IconFileInvoice, IconHierarchy2, IconHistory, IconInbox, IconInfoCircle, IconListDetails, IconPaperclip, IconReceipt, IconShieldCheck, IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { RecordGuard } from '@web/components/record-guard.component';
import { OrganizationOpportunities } from '@web/features/opportunities/organization-opportunities.component';
import { AccountDocuments } from '@web/features/documents/account-documents.component';
import { AccountActivities } from '@web/features/activities/account-activities.component';
import { AccountRequests } from '@web/features/requests/account-requests.component';
import { AccountProfileTab, AccountRelationsTab } from '@web/features/account-links/account-link-tabs.component';
import { AccountTags } from '@web/features/tags/account-tags.component';
import { AccountEmailStatus } from '@web/features/mail/account-email-status.component';
import { ComposeButton } from '@web/features/mail/mail-launchers.component';
import { CreditBadge } from '@web/features/credit/credit-badge.component';
import { CreditPanel } from '@web/features/credit/credit-panel.component';
import { RelatedQuotes } from '@web/features/quotes/related-quotes.component';
import { AccountContacts } from './account-contacts.component';
import { AccountHeader } from './account-header.component';
import { OrganizationProjects } from '@web/features/projects/organization-projects.component';
import { OrganizationInvoices } from '@web/features/invoices/organization-invoices.component';
import { RelatedAgreements } from '@web/features/agreements/related-agreements.component';
import { OverdueInvoicesAlert } from '@web/features/invoices/overdue-invoices-alert.component';
import { AccountHistory } from './account-history.component';
import { AccountOverview } from './account-overview.component';
import { useAccount } from './use-account';

const tabs = ['overview', 'contacts', 'activities', 'requests', 'documents', 'profile', 'relations', 'opportunities', 'quotes', 'projects', 'agreements', 'invoices', 'credit', 'history'] as const;

export function AccountPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const account = useAccount(id);
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = tabs.find((value) => value === searchParams.get('tab')) ?? 'overview';

  return (
    <RecordGuard query={account}>
      {(record) => (
        <Stack gap="md">
          <AccountHeader account={record} onReload={account.refetch} />
          <CreditBadge account={record} onOpen={() => setSearchParams({ tab: 'credit' }, { replace: true })} />
          {record.kind === 'organization' && <OverdueInvoicesAlert organizationId={record.id} />}
          <AccountTags account={record} />
          <Group gap="xs">
            <ComposeButton target={{ accountId: record.id, to: record.emails.slice(0, 1) }} />
          </Group>
          <AccountEmailStatus accountId={record.id} />
          <Tabs
            value={tab}
            onChange={(value) => setSearchParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })}
            keepMounted={false}
          >
            <Tabs.List mb="md">
              <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>
                {t('accounts:tab.overview')}
              </Tabs.Tab>
              <Tabs.Tab value="contacts" leftSection={<IconAddressBook size={16} />}>
                {t('accounts:tab.contacts')}
              </Tabs.Tab>
              <Tabs.Tab value="activities" leftSection={<IconCalendarEvent size={16} />}>
                {t('activities:tab.activities')}
              </Tabs.Tab>
              <Tabs.Tab value="requests" leftSection={<IconInbox size={16} />}>
                {t('activities:tab.requests')}
              </Tabs.Tab>
              <Tabs.Tab value="documents" leftSection={<IconPaperclip size={16} />}>
                {t('documents:tab')}
              </Tabs.Tab>
              <Tabs.Tab value="profile" leftSection={<IconListDetails size={16} />}>
                {t('links:tab.profile')}
              </Tabs.Tab>
              <Tabs.Tab value="relations" leftSection={<IconHierarchy2 size={16} />}>
                {t('links:tab.relations')}
              </Tabs.Tab>
              {record.kind === 'organization' && (
                <Tabs.Tab value="opportunities" leftSection={<IconTargetArrow size={16} />}>
                  {t('opportunities:section.title')}
                </Tabs.Tab>
              )}
              <Tabs.Tab value="quotes" leftSection={<IconFileInvoice size={16} />}>
                {t('quotes:section.title')}
              </Tabs.Tab>
              {record.kind === 'organization' && (
                <Tabs.Tab value="projects" leftSection={<IconChecklist size={16} />}>
                  {t('projects:section.title')}
                </Tabs.Tab>
              )}
              {record.kind === 'organization' && (
                <Tabs.Tab value="agreements" leftSection={<IconFileCertificate size={16} />}>
                  {t('agreements:section.title')}
                </Tabs.Tab>
              )}
              {record.kind === 'organization' && (
                <Tabs.Tab value="invoices" leftSection={<IconReceipt size={16} />}>
                  {t('invoices:section.title')}
                </Tabs.Tab>
              )}
              {record.kind === 'organization' && (
                <Tabs.Tab value="credit" leftSection={<IconShieldCheck size={16} />}>
                  {t('credit:tab')}
                </Tabs.Tab>
              )}
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
                {t('accounts:tab.history')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview">
              <AccountOverview account={record} />
            </Tabs.Panel>
            <Tabs.Panel value="contacts">
              <AccountContacts account={record} />
            </Tabs.Panel>
            <Tabs.Panel value="activities">
              <AccountActivities accountId={record.id} canCreate={record.abilities.update} />
            </Tabs.Panel>
            <Tabs.Panel value="requests">
              <AccountRequests account={record} />
            </Tabs.Panel>
            <Tabs.Panel value="documents">
              <AccountDocuments account={record} />
            </Tabs.Panel>
            <Tabs.Panel value="profile">
              <AccountProfileTab account={record} />
            </Tabs.Panel>
            <Tabs.Panel value="relations">
              <AccountRelationsTab account={record} />
            </Tabs.Panel>
            <Tabs.Panel value="opportunities">
              {record.kind === 'organization' && <OrganizationOpportunities organizationId={record.id} canCreate={record.abilities.update} />}
            </Tabs.Panel>
            <Tabs.Panel value="projects">
              {record.kind === 'organization' && <OrganizationProjects organizationId={record.id} canCreate={record.abilities.update} />}
            </Tabs.Panel>
            <Tabs.Panel value="agreements">
              {record.kind === 'organization' && <RelatedAgreements organizationId={record.id} canCreate={record.abilities.update} />}
            </Tabs.Panel>
            <Tabs.Panel value="invoices">
              {record.kind === 'organization' && <OrganizationInvoices organizationId={record.id} canCreate={record.abilities.update} />}
            </Tabs.Panel>
            <Tabs.Panel value="quotes">
              <RelatedQuotes accountId={record.id} canCreate={record.abilities.update} />
            </Tabs.Panel>
            <Tabs.Panel value="credit">
              {record.kind === 'organization' && <CreditPanel account={record} />}
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <AccountHistory accountId={record.id} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </RecordGuard>
  );
}
