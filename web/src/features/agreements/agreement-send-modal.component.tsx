import { agreementSendSchema, type Agreement, type AgreementSend } from '@contract/agreements';
import { Modal, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@web/components/form-actions.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { notifications } from '@web/components/notifications';
import { useRecipientOptions } from '@web/features/mail/use-send-email';
import { useSendAgreement } from './use-agreements';

type Values = { to: string[]; subject: string; message: string };

// A bad address is reported at its index (to.1); the form shows it on the one field.
const fieldOf = (path: string) => (path.startsWith('to.') ? 'to' : path);

/** What the form sends: no addresses means the server's choice (the company's first address). */
const payloadOf = (version: number, values: Values): AgreementSend => ({
  version,
  ...(values.to.length > 0 ? { to: values.to } : {}),
  ...(values.subject.trim() ? { subject: values.subject } : {}),
  message: values.message,
});

/** Sends the agreement by e-mail with a message of the user's; its document and the customer's signing link go with it. */
export function AgreementSendModal({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useSendAgreement(agreement.id);
  const options = useRecipientOptions(agreement.organization.id);
  const form = useForm<Values>({
    initialValues: { to: [], subject: '', message: '' },
    validate: (values) => validatePayload(agreementSendSchema, payloadOf(agreement.version, values), fieldOf),
  });
  const submit = form.onSubmit((values) => send.mutate(payloadOf(agreement.version, values), {
    onSuccess: () => {
      notifications.show({ message: t('agreements:send.done'), color: 'teal' });
      onClose();
    },
    onError: (error) => form.setErrors(serverFormErrors(error, fieldOf)),
  }));
  const addresses = (options.data?.items ?? []).filter((item) => item.status === 'ok').map((item) => ({ value: item.address, label: `${item.name} <${item.address}>` }));
  return (
    <Modal opened onClose={onClose} title={t('agreements:send.title')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <TagsInput label={t('agreements:send.to')} description={t('agreements:send.toHint')} data={addresses} {...form.getInputProps('to')} />
          <TextInput label={t('agreements:send.subject')} placeholder={t('agreements:send.subjectHint')} {...form.getInputProps('subject')} />
          <Textarea label={t('agreements:send.message')} placeholder={t('agreements:send.messageHint')} autosize minRows={4} {...form.getInputProps('message')} />
          <Text size="xs" c="dimmed">{t('agreements:send.whatGoes')}</Text>
          <FormActions error={send.error} pending={send.isPending} submitLabel={t('agreements:send.submit')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
