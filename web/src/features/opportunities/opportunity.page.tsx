import type { Opportunity } from '@contract/opportunities';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconFileInvoice, IconFiles, IconHistory, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { RecordGuard } from '@web/components/record-guard.component';
import { RecordField as Field } from '@web/components/record-field.component';
import { formatDateTime, formatDay, formatMoney } from '@web/components/format';
import { AccountActivities } from '@web/features/activities/account-activities.component';
import { useAccount } from '@web/features/accounts/use-account';
import { AccountDocuments } from '@web/features/documents/account-documents.component';
import { RelatedQuotes } from '@web/features/quotes/related-quotes.component';
import { ListBadge } from '@web/features/lists/list-badge.component';
import { useListLookup, useLists } from '@web/features/lists/use-lists';
import { LostReasonModal } from './lost-reason-modal.component';
import { OpportunityFormModal } from './opportunity-form-modal.component';
import { OpportunityHistory } from './opportunity-history.component';
import { ComposeButton } from '@web/features/mail/mail-launchers.component';
import { OpportunityPeople } from './opportunity-people.component';
import { useOpportunity } from './use-opportunities';
import { useUpdateOpportunity } from './use-opportunity-mutations';

const statusColors = { open: 'blue', won: 'teal', lost: 'red' } as const;

/** Win, lose (with its reason) or reopen: the pipeline's first stage of that outcome. */
function CloseButtons({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const lists = useLists();
  const update = useUpdateOpportunity(opportunity.id);
  const [losing, setLosing] = useState(false);
  const stages = (lists.data?.lists.opportunity_stage ?? []).filter((item) => item.active).sort((a, b) => a.position - b.position);
  const first = (outcome: string) => stages.find((item) => (item.outcome ?? 'open') === outcome)?.key;
  const go = (outcome: string, extra: object = {}) => {
    const stage = first(outcome);
    if (stage) update.mutate({ version: opportunity.version, stage, ...extra });
  };
  return (
    <Group gap="xs">
      {opportunity.status === 'open' ? (
        <>
          <Button color="teal" variant="light" onClick={() => go('won')} loading={update.isPending}>{t('opportunities:action.markWon')}</Button>
          <Button color="red" variant="light" onClick={() => setLosing(true)}>{t('opportunities:action.markLost')}</Button>
        </>
      ) : (
        <Button variant="light" onClick={() => go('open')} loading={update.isPending}>{t('opportunities:action.reopen')}</Button>
      )}
      <ErrorAlert error={update.error} />
      {losing && <LostReasonModal onCancel={() => setLosing(false)} onConfirm={(lost) => { setLosing(false); go('lost', lost); }} />}
    </Group>
  );
}

/** An opportunity: its fields, people with roles, stage and outcome, and its activities, documents and history. */
export function OpportunityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useOpportunity(id);
  const organization = useAccount(query.data?.organization.id ?? '');
  const lookup = useListLookup();
  const [editing, setEditing] = useState(false);
  return (
    <RecordGuard query={query}>
      {(opportunity) => (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={4}>
              <Title order={2} style={{ overflowWrap: 'anywhere' }}>{opportunity.name}</Title>
              <Group gap="xs">
                <Anchor component={Link} to={`/accounts/${opportunity.organization.id}`}>{opportunity.organization.name}</Anchor>
                <ListBadge listKey="opportunity_stage" value={opportunity.stage} />
                <Badge color={statusColors[opportunity.status]} data-testid="opportunity-status">{t(`opportunities:status.${opportunity.status}`)}</Badge>
                {opportunity.stale && <Badge color="orange" variant="light">{t('opportunities:board.stale')}</Badge>}
              </Group>
            </Stack>
            <Group gap="xs">
              <CloseButtons opportunity={opportunity} />
              <ComposeButton target={{ accountId: opportunity.organization.id, opportunityId: opportunity.id }} />
              <Button variant="default" onClick={() => setEditing(true)}>{t('opportunities:action.edit')}</Button>
            </Group>
          </Group>
          <Tabs defaultValue="overview" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>{t('opportunities:page.overview')}</Tabs.Tab>
              <Tabs.Tab value="activities" leftSection={<IconCalendarEvent size={16} />}>{t('opportunities:page.activities')}</Tabs.Tab>
              <Tabs.Tab value="quotes" leftSection={<IconFileInvoice size={16} />}>{t('quotes:section.title')}</Tabs.Tab>
              <Tabs.Tab value="documents" leftSection={<IconFiles size={16} />}>{t('opportunities:page.documents')}</Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>{t('opportunities:page.history')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview">
              <Stack gap="md">
                <Paper withBorder p="md">
                  <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
                    <Field label={t('opportunities:field.amount')}>{opportunity.amount === null ? '' : formatMoney(opportunity.amount, opportunity.currency)}</Field>
                    <Field label={t('opportunities:field.probability')}>{opportunity.probability}</Field>
                    <Field label={t('opportunities:field.expectedCloseOn')}>{formatDay(opportunity.expectedCloseOn)}</Field>
                    <Field label={t('opportunities:field.owner')}>{opportunity.owner.name}</Field>
                    <Field label={t('opportunities:field.source')}>{lookup.label('source', opportunity.source)}</Field>
                    <Field label={t('opportunities:page.next')}>{formatDateTime(opportunity.nextActivityDueAt)}</Field>
                    <Field label={t('opportunities:page.last')}>{formatDateTime(opportunity.lastActivityAt)}</Field>
                    {opportunity.campaign && (
                      <Field label={t('opportunities:field.campaign')}>
                        <Anchor component={Link} to={`/campaigns/${opportunity.campaign.id}`} size="sm">{opportunity.campaign.name}</Anchor>
                      </Field>
                    )}
                    {opportunity.closedAt && <Field label={t('opportunities:field.closedAt')}>{formatDateTime(opportunity.closedAt)}</Field>}
                    {opportunity.status === 'lost' && <Field label={t('opportunities:field.lostReason')}>{lookup.label('opportunity_lost_reason', opportunity.lostReason)}</Field>}
                    {opportunity.status === 'lost' && <Field label={t('opportunities:field.lostNote')}>{opportunity.lostNote}</Field>}
                  </SimpleGrid>
                  {opportunity.notes && <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>{opportunity.notes}</Text>}
                </Paper>
                <Title order={4}>{t('opportunities:field.people')}</Title>
                <OpportunityPeople opportunity={opportunity} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="activities">
              <AccountActivities accountId={opportunity.organization.id} opportunityId={opportunity.id} canCreate />
            </Tabs.Panel>
            <Tabs.Panel value="quotes">
              <RelatedQuotes accountId={opportunity.organization.id} opportunityId={opportunity.id} canCreate />
            </Tabs.Panel>
            <Tabs.Panel value="documents">
              {organization.data ? <AccountDocuments account={organization.data} opportunityId={opportunity.id} /> : <ErrorAlert error={organization.error} />}
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <OpportunityHistory id={opportunity.id} />
            </Tabs.Panel>
          </Tabs>
          {editing && <OpportunityFormModal opportunity={opportunity} onClose={() => setEditing(false)} />}
        </Stack>
      )}
    </RecordGuard>
  );
}
