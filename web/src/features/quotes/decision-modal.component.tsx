import type { Quote } from '@contract/quotes';
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useDecideQuote } from './use-quote-mutations';

type Props = { quote: Quote; outcome: 'accepted' | 'declined'; onClose: () => void };

/** The customer's answer given another way (signed on paper, by phone): who answered, and why when declined. */
export function DecisionModal({ quote, outcome, onClose }: Props) {
  const { t } = useTranslation();
  const decide = useDecideQuote(quote.id);
  const [name, setName] = useState(quote.contact?.name ?? '');
  const [reason, setReason] = useState('');
  const submit = () => decide.mutate({ version: quote.version, outcome, name: name.trim(), reason: reason.trim() || null }, { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t(`quotes:decision.${outcome}Title`)}>
      <form onSubmit={(event) => { event.preventDefault(); submit(); }} noValidate>
        <Stack gap="sm">
          <TextInput label={t('quotes:decision.name')} description={t('quotes:decision.nameHint')} required data-autofocus value={name} onChange={(event) => setName(event.currentTarget.value)} />
          {outcome === 'declined' && <Textarea label={t('quotes:decision.reason')} autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />}
          <ErrorAlert error={decide.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" color={outcome === 'accepted' ? 'teal' : 'red'} loading={decide.isPending} disabled={!name.trim()}>{t(`quotes:action.${outcome === 'accepted' ? 'accept' : 'decline'}`)}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
