import { languages } from '@contract/common';
import { roles, scopes, userCreateSchema, userUpdateSchema, type User } from '@contract/users';
import { Modal, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '@web/app/i18n';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { useCreateUser } from './use-create-user';
import { useTeams } from './use-teams';
import { useUpdateUser } from './use-update-user';
import { FormActions } from '@web/components/form-actions.component';

type Values = {
  email: string;
  name: string;
  password: string;
  role: User['role'];
  scope: User['scope'];
  teamId: string | null;
  crmManager: boolean;
  language: User['language'];
};

// New users are sales agents who see their own accounts, unless the admin says otherwise.
const newUser: Values = { email: '', name: '', password: '', role: 'agent', scope: 'own', teamId: null, crmManager: false, language: 'es' };

function toUpdate(values: Values, version: number) {
  const { name, role, scope, teamId, crmManager, language } = values;
  return { version, name, role, scope, teamId, crmManager, language };
}

/** Creates a user (`user` null) or edits one. */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? '');
  const mutation = user ? update : create;
  const form = useForm<Values>({
    initialValues: user ? { ...user, password: '' } : newUser,
    validate: (values) => validatePayload(user ? userUpdateSchema : userCreateSchema, user ? toUpdate(values, user.version) : values),
  });

  const submit = form.onSubmit((values) => {
    const onError = (error: unknown) => form.setErrors(serverFormErrors(error));
    if (user) update.mutate(toUpdate(values, user.version), { onSuccess: onClose, onError });
    else create.mutate(values, { onSuccess: onClose, onError });
  });

  return (
    <Modal opened onClose={onClose} title={user ? t('users:form.editTitle', { name: user.name }) : t('users:form.createTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('users:field.name')} required {...form.getInputProps('name')} data-autofocus />
            <TextInput
              label={t('users:field.email')}
              type="email"
              required={!user}
              readOnly={Boolean(user)}
              variant={user ? 'filled' : 'default'}
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            {!user && (
              <PasswordInput
                label={t('users:field.password')}
                description={t('auth:field.passwordHint')}
                required
                autoComplete="new-password"
                {...form.getInputProps('password')}
              />
            )}
            <Select
              label={t('users:field.role')}
              allowDeselect={false}
              data={roles.map((role) => ({ value: role, label: t(`users:role.${role}`) }))}
              value={form.values.role}
              onChange={(value) => form.setFieldValue('role', roles.find((role) => role === value) ?? 'agent')}
              error={form.errors.role}
            />
            <Select
              label={t('users:field.scope')}
              description={t('users:scopeHint')}
              allowDeselect={false}
              data={scopes.map((scope) => ({ value: scope, label: t(`users:scope.${scope}`) }))}
              value={form.values.scope}
              onChange={(value) => form.setFieldValue('scope', scopes.find((scope) => scope === value) ?? 'own')}
              error={form.errors.scope}
            />
            <Select
              label={t('users:field.team')}
              placeholder={t('users:noTeam')}
              clearable
              data={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
              value={form.values.teamId}
              onChange={(value) => form.setFieldValue('teamId', value)}
              error={form.errors.teamId}
            />
            <Select
              label={t('users:field.language')}
              allowDeselect={false}
              data={languages.map((language) => ({ value: language, label: t(`common:language.${language}`) }))}
              value={form.values.language}
              onChange={(value) => form.setFieldValue('language', toLanguage(value) ?? 'es')}
            />
          </SimpleGrid>
          <Switch
            label={t('users:field.crmManager')}
            description={t('users:crmManagerHint')}
            {...form.getInputProps('crmManager', { type: 'checkbox' })}
          />
          <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={user ? t('common:action.save') : t('users:action.create')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
