import { quoteAcceptSchema, quoteDeclineSchema } from '@contract/quote-links';
import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { validatePayload } from '@web/components/form-errors';
import { useAnswerQuote } from './quote-link-api';

/** Accept by typing a name, or decline with a reason: the two answers a customer can give. */
export function QuoteLinkAnswer({ token }: { token: string }) {
  const { t } = useTranslation();
  const answer = useAnswerQuote(token);
  const [declining, setDeclining] = useState(false);
  const accept = useForm({ initialValues: { name: '' }, validate: (values) => validatePayload(quoteAcceptSchema, values) });
  const decline = useForm({ initialValues: { reason: '', name: '' }, validate: (values) => validatePayload(quoteDeclineSchema, values) });

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('quotelink:answer')}</Title>
        {declining ? (
          <form onSubmit={decline.onSubmit((values) => answer.mutate({ decline: quoteDeclineSchema.parse(values) }))} noValidate>
            <Stack gap="sm">
              <Textarea label={t('quotelink:reason')} required autosize minRows={3} {...decline.getInputProps('reason')} />
              <TextInput label={t('quotelink:nameOptional')} autoComplete="name" {...decline.getInputProps('name')} />
              <ErrorAlert error={answer.error} />
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={() => setDeclining(false)}>{t('quotelink:cancel')}</Button>
                <Button type="submit" color="red" loading={answer.isPending}>{t('quotelink:decline')}</Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <form onSubmit={accept.onSubmit((values) => answer.mutate({ accept: quoteAcceptSchema.parse(values) }))} noValidate>
            <Stack gap="sm">
              <Text size="sm">{t('quotelink:acceptIntro')}</Text>
              <TextInput label={t('quotelink:name')} autoComplete="name" required {...accept.getInputProps('name')} />
              <ErrorAlert error={answer.error} />
              <Group justify="space-between" gap="xs">
                <Button variant="subtle" color="gray" onClick={() => setDeclining(true)}>{t('quotelink:declineOpen')}</Button>
                <Button type="submit" loading={answer.isPending}>{t('quotelink:accept')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
