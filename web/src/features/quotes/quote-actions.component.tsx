import type { Quote } from '@contract/quotes';
import { Button, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconFileTypePdf, IconLock, IconReceipt, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { buildUrl } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { InvoiceFormModal } from '@web/features/invoices/invoice-form-modal.component';
import { DecisionModal } from './decision-modal.component';
import { QuoteSendModal } from './quote-send-modal.component';
import { useQuoteStep } from './use-quote-mutations';

type Props = {
  quote: Quote;
  /** Lines typed but not saved: the quote cannot be made final (or sent) until they are. */
  unsaved: boolean;
};

/**
 * What can be done with the quote now, as the server's abilities say: mark final (it gets its
 * number), new revision, the customer's answer by hand, the PDF. Each action is one element of
 * this group; sending by e-mail is one more beside "mark final".
 */
export function QuoteActions({ quote, unsaved }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const finalize = useQuoteStep(quote.id, 'finalize');
  const revise = useQuoteStep(quote.id, 'revise');
  const [deciding, setDeciding] = useState<'accepted' | 'declined' | null>(null);
  const [invoicing, setInvoicing] = useState(false);
  const [sending, setSending] = useState(false);
  const saveFirst = unsaved ? t('quotes:action.saveFirst') : null;
  return (
    <>
      <Group gap="xs" data-testid="quote-actions">
        {quote.abilities.finalize && (
          <Tooltip label={saveFirst} disabled={!saveFirst}>
            <Button leftSection={<IconLock size={16} />} onClick={() => finalize.mutate(quote.version)} loading={finalize.isPending} disabled={unsaved}>
              {t('quotes:action.finalize')}
            </Button>
          </Tooltip>
        )}
        {quote.abilities.send && (
          <Tooltip label={saveFirst} disabled={!saveFirst}>
            <Button variant={quote.abilities.finalize ? 'light' : 'filled'} leftSection={<IconSend size={16} />} onClick={() => setSending(true)} disabled={unsaved}>
              {t('quotes:action.send')}
            </Button>
          </Tooltip>
        )}
        {quote.abilities.revise && (
          <Button variant="light" leftSection={<IconCopy size={16} />} loading={revise.isPending}
            onClick={() => revise.mutate(quote.version, { onSuccess: (next) => void navigate(`/quotes/${next.id}`) })}>
            {t('quotes:action.revise')}
          </Button>
        )}
        {quote.abilities.decide && (
          <>
            <Button variant="light" color="teal" leftSection={<IconCheck size={16} />} onClick={() => setDeciding('accepted')}>{t('quotes:action.accept')}</Button>
            <Button variant="light" color="red" leftSection={<IconX size={16} />} onClick={() => setDeciding('declined')}>{t('quotes:action.decline')}</Button>
          </>
        )}
        {quote.status === 'accepted' && (
          <Button variant="light" leftSection={<IconReceipt size={16} />} onClick={() => setInvoicing(true)}>{t('invoices:action.fromQuote')}</Button>
        )}
        <Button component="a" href={buildUrl(`/quotes/${encodeURIComponent(quote.id)}/pdf`)} download variant="default" leftSection={<IconFileTypePdf size={16} />}>
          {t('quotes:action.pdf')}
        </Button>
      </Group>
      <ErrorAlert error={finalize.error ?? revise.error} />
      {invoicing && <InvoiceFormModal fromQuoteId={quote.id} onClose={() => setInvoicing(false)} />}
      {deciding && <DecisionModal quote={quote} outcome={deciding} onClose={() => setDeciding(null)} />}
      {sending && <QuoteSendModal quote={quote} onClose={() => setSending(false)} />}
    </>
  );
}
