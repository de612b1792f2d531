import { meUpdateSchema } from '@contract/auth';
import { languages } from '@contract/common';
import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '@web/app/i18n';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { notifications } from '@web/components/notifications';
import { useCurrentUser } from './session';
import { useUpdateMe } from './use-update-me';

export function ProfileForm() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const updateMe = useUpdateMe();
  const form = useForm({
    initialValues: { name: me.name, language: me.language },
    validate: (values) => validatePayload(meUpdateSchema, values),
  });

  const submit = form.onSubmit((values) =>
    updateMe.mutate(values, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('auth:profile.saved') }),
      onError: (error) => form.setErrors(serverFormErrors(error)),
    }),
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('auth:profile.details')}</Title>
          <TextInput label={t('auth:field.email')} value={me.email} readOnly variant="filled" />
          <TextInput label={t('auth:field.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('auth:field.language')}
            data={languages.map((language) => ({ value: language, label: t(`common:language.${language}`) }))}
            allowDeselect={false}
            value={form.values.language}
            onChange={(value) => form.setFieldValue('language', toLanguage(value) ?? me.language)}
          />
          <ErrorAlert error={updateMe.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={updateMe.isPending}>
              {t('common:action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
