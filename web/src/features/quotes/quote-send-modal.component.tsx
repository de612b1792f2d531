import { quoteSendSchema, type Quote, type QuoteSend } from '@contract/quotes';
import { Modal, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@web/components/form-actions.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { notifications } from '@web/components/notifications';
import { useRecipientOptions } from '@web/features/mail/use-send-email';
import { useSendQuote } from './use-quote-mutations';

type Values = { to: string[]; subject: string; message: string };

// A bad address is reported at its index (to.1); the form shows it on the one field.
const fieldOf = (path: string) => (path.startsWith('to.') ? 'to' : path);

/** What the form sends: no addresses means the server's choice (the contact person's, else the account's). */
const payloadOf = (version: number, values: Values): QuoteSend => ({
  version,
  ...(values.to.length > 0 ? { to: values.to } : {}),
  ...(values.subject.trim() ? { subject: values.subject } : {}),
  message: values.message,
});

/** Sends the quote by e-mail with a message of the user's; the PDF and the customer's link go with it. */
export function QuoteSendModal({ quote, onClose }: { quote: Quote; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useSendQuote(quote.id);
  const options = useRecipientOptions(quote.account.id);
  const form = useForm<Values>({
    initialValues: { to: [], subject: '', message: '' },
    validate: (values) => validatePayload(quoteSendSchema, payloadOf(quote.version, values), fieldOf),
  });
  const submit = form.onSubmit((values) => send.mutate(payloadOf(quote.version, values), {
    onSuccess: () => {
      notifications.show({ message: t('quotes:send.done'), color: 'teal' });
      onClose();
    },
    onError: (error) => form.setErrors(serverFormErrors(error, fieldOf)),
  }));
  const addresses = (options.data?.items ?? []).filter((item) => item.status === 'ok').map((item) => ({ value: item.address, label: `${item.name} <${item.address}>` }));
  return (
    <Modal opened onClose={onClose} title={quote.number ? t('quotes:send.title', { number: quote.number }) : t('quotes:send.titleDraft')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          {!quote.number && <Text size="sm" c="dimmed">{t('quotes:send.newNumber')}</Text>}
          <TagsInput label={t('quotes:send.to')} description={t('quotes:send.toHint')} data={addresses} {...form.getInputProps('to')} />
          <TextInput label={t('quotes:send.subject')} placeholder={t('quotes:send.subjectHint')} {...form.getInputProps('subject')} />
          <Textarea label={t('quotes:send.message')} placeholder={t('quotes:send.messageHint')} autosize minRows={4} {...form.getInputProps('message')} />
          <Text size="xs" c="dimmed">{t('quotes:send.whatGoes')}</Text>
          <FormActions error={send.error} pending={send.isPending} submitLabel={t('quotes:send.submit')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
