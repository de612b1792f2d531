import type { Account } from '@contract/accounts';
import { contactCreateSchema, type ContactCreate } from '@contract/contacts';
import { Modal, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { AccountPicker } from './account-picker.component';
import { useAddContact } from './use-add-contact';
import { useContacts } from './use-contacts';
import { FormActions } from '@web/components/form-actions.component';

type Values = {
  mode: 'existing' | 'new';
  otherId: string | null;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  organizationName: string;
  position: string;
  area: string;
};

const initialValues: Values = {
  mode: 'existing', otherId: null, firstName: '', lastName: '', email: '', phone: '', organizationName: '', position: '', area: '',
};

const pathToField: Record<string, string> = {
  'newPerson.firstName': 'firstName',
  'newPerson.lastName': 'lastName',
  'newPerson.email': 'email',
  'newPerson.phone': 'phone',
  'newOrganization.name': 'organizationName',
};
const renamePath = (path: string) => pathToField[path] ?? path;

function toPayload(values: Values, isOrganization: boolean): ContactCreate {
  const link = { position: values.position, area: values.area };
  if (values.mode === 'existing') return { ...link, otherId: values.otherId ?? undefined };
  if (isOrganization) {
    const { firstName, lastName, email, phone } = values;
    return { ...link, newPerson: { firstName, lastName, email, phone: phone.trim() || undefined } };
  }
  return { ...link, newOrganization: { name: values.organizationName } };
}

type Props = { account: Account; opened: boolean; onClose: () => void };

/** Links a person to this organization (or this person to an organization): an existing one or a new one. */
export function AddContactModal({ account, opened, onClose }: Props) {
  const { t } = useTranslation();
  const isOrganization = account.kind === 'organization';
  const add = useAddContact(account.id);
  const contacts = useContacts(account.id);
  const linked = (contacts.data?.items ?? []).map((contact) => (isOrganization ? contact.person.id : contact.organization.id));
  const form = useForm<Values>({
    initialValues,
    validate: (values) => validatePayload(contactCreateSchema, toPayload(values, isOrganization), renamePath),
  });

  const close = () => {
    form.reset();
    add.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    add.mutate(toPayload(values, isOrganization), {
      onSuccess: close,
      onError: (error) => form.setErrors(serverFormErrors(error, renamePath)),
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title={t(isOrganization ? 'accounts:contacts.addPerson' : 'accounts:contacts.addOrganization')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            value={form.values.mode}
            onChange={(mode) => {
              form.setFieldValue('mode', mode === 'new' ? 'new' : 'existing');
              form.clearErrors();
            }}
            data={[
              { value: 'existing', label: t('accounts:contacts.pickExisting') },
              { value: 'new', label: t(isOrganization ? 'accounts:contacts.createPerson' : 'accounts:contacts.createOrganization') },
            ]}
          />
          {form.values.mode === 'existing' ? (
            <AccountPicker
              kind={isOrganization ? 'person' : 'organization'}
              label={t(isOrganization ? 'accounts:kind.person' : 'accounts:kind.organization')}
              value={form.values.otherId}
              onChange={(id) => form.setFieldValue('otherId', id)}
              error={form.errors.otherId}
              exclude={[account.id, ...linked]}
            />
          ) : isOrganization ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('accounts:field.firstName')} required {...form.getInputProps('firstName')} />
              <TextInput label={t('accounts:field.lastName')} {...form.getInputProps('lastName')} />
              <TextInput label={t('accounts:field.email')} type="email" {...form.getInputProps('email')} />
              <TextInput label={t('accounts:field.phone')} type="tel" {...form.getInputProps('phone')} />
            </SimpleGrid>
          ) : (
            <TextInput label={t('accounts:field.name')} required {...form.getInputProps('organizationName')} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('accounts:field.position')} {...form.getInputProps('position')} />
            <TextInput label={t('accounts:field.area')} {...form.getInputProps('area')} />
          </SimpleGrid>
          <FormActions error={add.error} pending={add.isPending} submitLabel={t('accounts:contacts.addSubmit')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
