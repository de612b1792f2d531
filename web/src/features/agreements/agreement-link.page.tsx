import type { PublicAgreement } from '@contract/agreement-links';
import { typedNameSchema } from '@contract/public-links';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDateTime, formatDay, formatMoney } from '@web/components/format';
import { validatePayload } from '@web/components/form-errors';
import { PublicIssuer, PublicRecordPage } from '@web/components/public-page.component';
import { RecordField as Field } from '@web/components/record-field.component';
import { agreementLinkDocumentUrl, usePublicAgreement, useSignAgreement } from './agreement-link-api';

/** Signing by typing a name: it stands as the signature, with the time and the address it came from. */
function SignForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const sign = useSignAgreement(token);
  const form = useForm({ initialValues: { name: '' }, validate: (values) => validatePayload(typedNameSchema, values) });
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={form.onSubmit((values) => sign.mutate(typedNameSchema.parse(values)))} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4">{t('agreementlink:signTitle')}</Title>
          <Text size="sm">{t('agreementlink:signIntro')}</Text>
          <TextInput label={t('agreementlink:name')} autoComplete="name" required {...form.getInputProps('name')} />
          <ErrorAlert error={sign.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={sign.isPending}>{t('agreementlink:sign')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Agreement({ agreement, token }: { agreement: PublicAgreement; token: string }) {
  const { t } = useTranslation();
  const { company, customer, signature } = agreement;
  return (
    <Stack gap="lg">
      <PublicIssuer name={company.name} taxId={company.taxId && t('agreementlink:taxId', { taxId: company.taxId })} address={company.address} />
      <Stack gap={2}>
        <Text size="xs" c="dimmed" tt="uppercase">{t('agreementlink:heading')}</Text>
        <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }}>{agreement.title}</Title>
      </Stack>
      <Stack gap={0}>
        <Text size="xs" c="dimmed" tt="uppercase">{t('agreementlink:for')}</Text>
        <Text fw={600}>{customer.name}</Text>
        {customer.taxId && <Text size="sm">{t('agreementlink:taxId', { taxId: customer.taxId })}</Text>}
      </Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Field label={t('agreementlink:reference')}>{agreement.reference}</Field>
        <Field label={t('agreementlink:type')}>{agreement.type}</Field>
        <Field label={t('agreementlink:startOn')}>{formatDay(agreement.startOn)}</Field>
        <Field label={t('agreementlink:endOn')}>{formatDay(agreement.endOn)}</Field>
        <Field label={t('agreementlink:value')}>{agreement.value ? formatMoney(agreement.value.amount, agreement.value.currency) : ''}</Field>
      </SimpleGrid>
      {agreement.text && (
        <Paper withBorder p="md" radius="md">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="agreement-text">{agreement.text}</Text>
        </Paper>
      )}
      {agreement.document && (
        <Anchor href={agreementLinkDocumentUrl(token)} download>
          <Group gap={4} component="span" wrap="nowrap"><IconDownload size={16} />{t('agreementlink:document')}</Group>
        </Anchor>
      )}
      {agreement.state === 'open' && <SignForm token={token} />}
      {agreement.state === 'signed' && signature && (
        <Alert color="teal" role="status" data-testid="agreement-signed">
          {t('agreementlink:signed', { name: signature.name ?? '', date: signature.at ? formatDateTime(signature.at) : formatDay(signature.on) })}
        </Alert>
      )}
      {agreement.state === 'closed' && <Alert color="gray" role="status">{t('agreementlink:closed')}</Alert>}
    </Stack>
  );
}

/** The public page an agreement's e-mail links to: no login, the agreement and its signature, nothing else of the CRM. */
export function AgreementLinkPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  return (
    <PublicRecordPage query={usePublicAgreement(token)} notFound={t('agreementlink:notFound')}>
      {(agreement) => <Agreement agreement={agreement} token={token} />}
    </PublicRecordPage>
  );
}
