import type { AccountKind } from '@contract/accounts';
import { Anchor, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { useCurrentUser } from '@web/features/auth/session';
import { ListSelect } from '@web/features/lists/list-select.component';
import { RequestFields, type RequestValues } from './request-fields.component';
import { requestPayload, requestValues } from './request-payload';
import { useCreateLead } from './use-create-lead';

type Values = {
  kind: AccountKind;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  source: string | null;
  request: RequestValues;
};

// Server paths (account.firstName, account.emails.0, request.status) to this form's fields.
const renamePath = (path: string): string =>
  path.replace(/^account\.emails\.\d+$/, 'email').replace(/^account\.phones\.\d+$/, 'phone').replace(/^account\./, '');

/** "New lead": the person or organization, stage lead, and what they asked for, in one form. */
export function LeadCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const create = useCreateLead();
  const form = useForm<Values>({
    initialValues: { kind: 'person', name: '', firstName: '', lastName: '', email: '', phone: '', source: null, request: requestValues(null, me.id) },
    validate: {
      firstName: (value, values) => (values.kind === 'person' && !value.trim() ? t('validation:required') : null),
      name: (value, values) => (values.kind === 'organization' && !value.trim() ? t('validation:required') : null),
    },
  });

  const submit = form.onSubmit((values) => {
    const contact = { emails: values.email.trim() ? [values.email] : [], phones: values.phone.trim() ? [values.phone] : [], source: values.source };
    const account = values.kind === 'person'
      ? { kind: 'person' as const, firstName: values.firstName, lastName: values.lastName, ...contact }
      : { kind: 'organization' as const, name: values.name, ...contact };
    create.mutate(
      { account, request: requestPayload(values.request) },
      {
        onSuccess: (created) => void navigate(`/leads/${created.accountId}`),
        onError: (error) => form.setErrors(serverFormErrors(error, renamePath)),
      },
    );
  });

  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/requests" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('requests:list.back')}
        </Group>
      </Anchor>
      <Title order={2}>{t('requests:action.newLead')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>{t('requests:lead.personalData')}</Title>
              <SegmentedControl
                value={form.values.kind}
                onChange={(kind) => form.setFieldValue('kind', kind === 'organization' ? 'organization' : 'person')}
                data={[{ value: 'person', label: t('accounts:kind.person') }, { value: 'organization', label: t('accounts:kind.organization') }]}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {form.values.kind === 'person' ? (
                  <>
                    <TextInput label={t('accounts:field.firstName')} required {...form.getInputProps('firstName')} />
                    <TextInput label={t('accounts:field.lastName')} {...form.getInputProps('lastName')} />
                  </>
                ) : (
                  <TextInput label={t('accounts:field.name')} required {...form.getInputProps('name')} />
                )}
                <TextInput label={t('accounts:field.email')} type="email" {...form.getInputProps('email')} />
                <TextInput label={t('accounts:field.phone')} type="tel" {...form.getInputProps('phone')} />
                <ListSelect listKey="source" label={t('requests:lead.source')} {...form.getInputProps('source')} />
              </SimpleGrid>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>{t('requests:lead.firstRequest')}</Title>
              <RequestFields form={form} prefix="request." responsibleHint={t('requests:lead.responsibleHint')} />
            </Stack>
          </Paper>
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('requests:action.createLead')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
