import type { Account, Address } from '@contract/accounts';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '@web/components/format';
import { useListItems } from '@web/features/lists/use-lists';
import { useTeams } from '@web/features/users/use-teams';
import { languageName, nationalIdLabel, taxIdLabel } from './id-labels';
import { OverviewCounters } from './overview-counters.component';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
        {children === null || children === '' ? '—' : children}
      </Text>
    </Stack>
  );
}

function formatAddress(address: Address | undefined): string | null {
  if (!address) return null;
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  const lines = [address.street, cityLine, [address.region, address.country].filter(Boolean).join(', ')].filter(Boolean);
  return lines.length > 0 ? lines.join('\n') : null;
}

/** Links only to the web: a `javascript:` website must not become a clickable link. */
function websiteHref(website: string): string | null {
  const href = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A person's own details (seed 002's "más información"), as read on their page. */
export function PersonDetailFields({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const channels = useListItems('contact_channel');
  return (
    <>
      <Field label={t('accounts:field.birthDate')}>{account.birthDate ? formatDay(account.birthDate) : null}</Field>
      <Field label={nationalIdLabel(t, account.country)}>{account.nationalId}</Field>
      <Field label={t('accounts:field.preferredChannel')}>{channels.label(account.preferredChannel)}</Field>
      <Field label={t('accounts:field.language')}>{account.language ? languageName(account.language, i18n.language) : null}</Field>
    </>
  );
}

export function AccountOverview({ account }: { account: Account }) {
  const { t } = useTranslation();
  const href = account.website ? websiteHref(account.website) : null;
  const industries = useListItems('industry');
  const sources = useListItems('source');
  const teams = useTeams();
  return (
    <Stack gap="md">
      <OverviewCounters account={account} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Field label={taxIdLabel(t, account.country)}>{account.taxId}</Field>
          <Field label={t('company:team.label')}>{teams.data?.items.find((team) => team.id === account.teamId)?.name ?? null}</Field>
          {account.kind === 'person' && <PersonDetailFields account={account} />}
          {account.kind === 'organization' && <Field label={t('accounts:field.industry')}>{industries.label(account.industry)}</Field>}
          <Field label={t('accounts:field.source')}>{sources.label(account.source)}</Field>
          {account.kind === 'organization' && (
            <Field label={t('accounts:field.website')}>
              {account.website && href ? (
                <Anchor href={href} target="_blank" rel="noopener noreferrer">
                  {account.website}
                </Anchor>
              ) : (
                account.website
              )}
            </Field>
          )}
          <Field label={t('accounts:field.emails')}>
            {account.emails.length > 0
              ? account.emails.map((email) => (
                  <div key={email}>
                    <Anchor href={`mailto:${email}`}>{email}</Anchor>
                  </div>
                ))
              : null}
          </Field>
          <Field label={t('accounts:field.phones')}>
            {account.phones.length > 0
              ? account.phones.map((phone) => (
                  <div key={phone}>
                    <Anchor href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>{phone}</Anchor>
                  </div>
                ))
              : null}
          </Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          {t('accounts:form.addresses')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          {(['visit', 'postal', 'billing'] as const).map((kind) => (
            <Field key={kind} label={t(`accounts:address.${kind}`)}>
              {formatAddress(account.addresses[kind])}
            </Field>
          ))}
        </SimpleGrid>
      </Paper>
      {account.kind === 'organization' && (
        <Paper withBorder p="md">
          <Title order={5} mb="sm">
            {t('company:invoicing.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            <Field label={t('company:invoicing.delivery')}>
              {account.invoiceDelivery ? t(`company:invoicing.option.${account.invoiceDelivery}`) : null}
            </Field>
            <Field label={t('company:invoicing.email')}>{account.invoiceEmail}</Field>
            <Field label={t('company:invoicing.creditDays')}>
              {account.creditDays === null ? null : t('company:invoicing.creditDaysValue', { count: account.creditDays })}
            </Field>
          </SimpleGrid>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Field label={t('accounts:field.notes')}>{account.notes}</Field>
      </Paper>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Field label={t('accounts:field.created')}>
            {t('accounts:overview.byAt', { name: account.createdBy?.name ?? t('accounts:overview.system'), at: formatDateTime(account.createdAt) })}
          </Field>
          <Field label={t('accounts:field.updated')}>{formatDateTime(account.updatedAt)}</Field>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
