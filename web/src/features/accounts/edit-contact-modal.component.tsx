import { contactUpdateSchema, type Contact } from '@contract/contacts';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { useUpdateContact } from './use-update-contact';
import { FormActions } from '@web/components/form-actions.component';

type Props = { accountId: string; contact: Contact; onClose: () => void };

export function EditContactModal({ accountId, contact, onClose }: Props) {
  const { t } = useTranslation();
  const update = useUpdateContact(accountId);
  const form = useForm({
    initialValues: { position: contact.position ?? '', area: contact.area ?? '' },
    validate: (values) => validatePayload(contactUpdateSchema, values),
  });

  const submit = form.onSubmit((values) =>
    update.mutate({ contactId: contact.id, ...values }, { onSuccess: onClose, onError: (error) => form.setErrors(serverFormErrors(error)) }),
  );

  return (
    <Modal opened onClose={onClose} title={t('accounts:contacts.editTitle', { person: contact.person.name, organization: contact.organization.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('accounts:field.position')} {...form.getInputProps('position')} data-autofocus />
          <TextInput label={t('accounts:field.area')} {...form.getInputProps('area')} />
          <FormActions error={update.error} pending={update.isPending} submitLabel={t('common:action.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
