import type { OpenPublicQuote, PublicQuote } from '@contract/quote-links';
import { Alert, Anchor, Box, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime, formatDay, formatMoney } from '@web/components/format';
import { PublicAmount, PublicIssuer, PublicRecordPage } from '@web/components/public-page.component';
import { QuoteLinkAnswer } from './quote-link-answer.component';
import { quoteLinkPdfUrl, usePublicQuote } from './quote-link-api';

function Company({ company }: { company: PublicQuote['company'] }) {
  const { t } = useTranslation();
  return <PublicIssuer name={company.name} taxId={company.taxId && t('quotelink:taxId', { taxId: company.taxId })} address={company.address} />;
}

function Lines({ quote }: { quote: OpenPublicQuote }) {
  const { t } = useTranslation();
  const money = (amount: number) => formatMoney(amount, quote.currency);
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('quotelink:lines')}>
      {quote.lines.map((line, index) => {
        if (line.kind === 'section') return <Title key={index} component="li" order={4} size="h5" mt="md" mb={4}>{line.description}</Title>;
        if (line.kind === 'note') return <Text key={index} component="li" size="sm" fs="italic" c="dimmed" py={4}>{line.description}</Text>;
        const discount = line.discountPercent ? `${line.discountPercent} %` : line.discountAmount ? money(line.discountAmount) : null;
        return (
          <Box key={index} component="li" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{line.description}</Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{money(line.net)}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {[t('quotelink:lineFigures', { quantity: line.quantity.toLocaleString(quote.language), unit: line.unit ?? '', price: money(line.unitPrice) }),
                discount ? t('quotelink:discount', { discount }) : null, t('quotelink:tax', { rate: line.taxRate })].filter(Boolean).join(' · ')}
            </Text>
          </Box>
        );
      })}
    </Stack>
  );
}

function Totals({ quote }: { quote: OpenPublicQuote }) {
  const { t } = useTranslation();
  const money = (amount: number) => formatMoney(amount, quote.currency);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>{t('quotelink:taxBreakdown')}</Text>
      {quote.taxes.map((bucket) => (
        <Group key={bucket.rate} justify="space-between" gap="sm" wrap="nowrap">
          <Text size="sm" c="dimmed">{t('quotelink:taxRow', { rate: bucket.rate, base: money(bucket.base) })}</Text>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{money(bucket.tax)}</Text>
        </Group>
      ))}
      <Divider my={4} />
      <PublicAmount label={t('quotelink:netTotal')} value={money(quote.netTotal)} />
      <PublicAmount label={t('quotelink:taxTotal')} value={money(quote.taxTotal)} />
      <PublicAmount label={t('quotelink:total')} value={money(quote.total)} strong testId="quote-total" />
    </Stack>
  );
}

function Paragraph({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>{title}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
    </Stack>
  );
}

function OpenQuote({ quote, token }: { quote: OpenPublicQuote; token: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Company company={quote.company} />
        <Stack gap={2} align="flex-end">
          <Title order={1} size="h3">{t('quotelink:title', { number: quote.number })}</Title>
          {quote.revision > 1 && <Text size="sm" c="dimmed">{t('quotelink:revision', { revision: quote.revision })}</Text>}
          <Text size="sm">{t('quotelink:issued')}: {formatDay(quote.issueDate)}</Text>
          <Text size="sm">{t('quotelink:validUntil')}: {formatDay(quote.validUntil)}</Text>
        </Stack>
      </Group>
      <Stack gap={0}>
        <Text size="xs" c="dimmed" tt="uppercase">{t('quotelink:for')}</Text>
        <Text fw={600}>{quote.customer.name}</Text>
        {quote.customer.taxId && <Text size="sm">{t('quotelink:taxId', { taxId: quote.customer.taxId })}</Text>}
      </Stack>
      <Paper withBorder p="md" radius="md">
        <Lines quote={quote} />
        <Box mt="md" ml="auto" maw={360}>
          <Totals quote={quote} />
        </Box>
      </Paper>
      <Paragraph title={t('quotelink:paymentTerms')} text={quote.paymentTerms} />
      <Paragraph title={t('quotelink:notes')} text={quote.notes} />
      <Paragraph title={t('quotelink:terms')} text={quote.terms} />
      <Anchor href={quoteLinkPdfUrl(token)} download>
        <Group gap={4} component="span"><IconDownload size={16} />{t('quotelink:pdf')}</Group>
      </Anchor>
      {quote.state === 'open' && <QuoteLinkAnswer token={token} />}
      {quote.state === 'accepted' && quote.decision && (
        <Alert color="teal" role="status" data-testid="quote-answer">{t('quotelink:accepted', { name: quote.decision.name ?? '', date: formatDateTime(quote.decision.at) })}</Alert>
      )}
      {quote.state === 'declined' && quote.decision && (
        <Alert color="gray" role="status" data-testid="quote-answer">{t('quotelink:declined', { date: formatDateTime(quote.decision.at), reason: quote.decision.reason ?? '' })}</Alert>
      )}
    </Stack>
  );
}

/** The public page a quote's e-mail links to: no login, the quote and the answer, nothing else of the CRM. */
export function QuoteLinkPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  return (
    <PublicRecordPage query={usePublicQuote(token)} notFound={t('quotelink:notFound')}>
      {(quote) => {
        if (quote.state !== 'expired') return <OpenQuote quote={quote} token={token} />;
        const { company, validUntil } = quote;
        return (
          <Stack gap="md">
            <Company company={company} />
            <Title order={1} size="h3">{t('quotelink:title', { number: quote.number })}</Title>
            <Alert color="orange" role="alert">
              {company.name ? t('quotelink:expired', { date: formatDay(validUntil), company: company.name }) : t('quotelink:expiredNoCompany', { date: formatDay(validUntil) })}
            </Alert>
          </Stack>
        );
      }}
    </PublicRecordPage>
  );
}
