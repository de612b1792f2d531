import type { Agreement } from '@contract/agreements';
import { Anchor, Group, Paper, SimpleGrid, Stack, Tabs, Title } from '@mantine/core';
import { IconHistory, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime, formatDay, formatMoney } from '@web/components/format';
import { RecordField as Field } from '@web/components/record-field.component';
import { RecordGuard } from '@web/components/record-guard.component';
import { RecordHistory } from '@web/features/accounts/record-history.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { AgreementActions } from './agreement-actions.component';
import { AgreementDocument } from './agreement-document.component';
import { AgreementStatusBadge } from './agreement-status-badge.component';
import { useAgreement, useAgreementHistory } from './use-agreements';

function Overview({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const lists = useListLookup();
  const customer = agreement.customerSignature;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Field label={t('agreements:field.type')}>{lists.label('agreement_type', agreement.type)}</Field>
          <Field label={t('agreements:field.reference')}>{agreement.reference}</Field>
          <Field label={t('agreements:field.owner')}>{agreement.owner.name}</Field>
          <Field label={t('agreements:field.project')}>
            {agreement.project && <Anchor component={Link} to={`/projects/${agreement.project.id}`} size="sm">{agreement.project.name}</Anchor>}
          </Field>
          <Field label={t('agreements:field.startOn')}>{formatDay(agreement.startOn)}</Field>
          <Field label={t('agreements:field.endOn')}>{formatDay(agreement.endOn)}</Field>
          <Field label={t('agreements:field.value')}>{agreement.value ? formatMoney(agreement.value.amount, agreement.value.currency) : ''}</Field>
          <Field label={t('agreements:field.renewalRemindOn')}>{formatDay(agreement.renewalRemindOn)}</Field>
          <Field label={t('agreements:field.language')}>{t(`agreements:language.${agreement.language}`)}</Field>
          <Field label={t('agreements:field.sentAt')}>{agreement.sentAt ? formatDateTime(agreement.sentAt) : ''}</Field>
          <Field label={t('agreements:field.customerSignature')}>
            {customer && <span data-testid="customer-signature">{[formatDay(customer.on), customer.name].filter(Boolean).join(' · ')}</span>}
          </Field>
          <Field label={t('agreements:field.companySignature')}>
            {agreement.companySignature && [formatDay(agreement.companySignature.on), agreement.companySignature.by?.name].filter(Boolean).join(' · ')}
          </Field>
          <Field label={t('agreements:field.closedOn')}>{formatDay(agreement.closedOn)}</Field>
          <Field label={t('agreements:field.createdBy')}>{agreement.createdBy?.name}</Field>
          <Field label={t('agreements:field.createdAt')}>{formatDateTime(agreement.createdAt)}</Field>
        </SimpleGrid>
      </Paper>
      <AgreementDocument agreement={agreement} />
    </Stack>
  );
}

/** An agreement: what was agreed, its document, its signatures, the moves of its status, and its history. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useAgreement(id);
  const history = useAgreementHistory(id);
  return (
    <RecordGuard query={query}>
      {(agreement) => (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Title order={2} style={{ overflowWrap: 'anywhere' }}>{agreement.title}</Title>
              <Group gap="xs">
                <Anchor component={Link} to={`/accounts/${agreement.organization.id}`}>{agreement.organization.name}</Anchor>
                <AgreementStatusBadge status={agreement.status} />
              </Group>
            </Stack>
            <AgreementActions agreement={agreement} />
          </Group>
          <Tabs defaultValue="overview" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>{t('agreements:page.overview')}</Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>{t('agreements:page.history')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview"><Overview agreement={agreement} /></Tabs.Panel>
            <Tabs.Panel value="history"><RecordHistory history={history} empty={t('agreements:page.historyEmpty')} /></Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </RecordGuard>
  );
}
