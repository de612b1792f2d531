import { contactUpdateSchema, type Contact } from '@contract/contacts';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { useUpdateContact } from './use-update-contact';

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
          <ErrorAlert error={update.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common:action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
