import type { Account } from '@contract/accounts';
import { minorUnits } from '@contract/money';
import type { QualifyWithOpportunity } from '@contract/opportunity-actions';
import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { useContacts } from '@web/features/accounts/use-contacts';

/** The opportunity a qualification may open (seed 001: a company's need, worked for months), as typed. */
export type QualifyOpportunityValues = {
  open: boolean;
  organizationId: string | null;
  name: string;
  amount: string;
  currency: string;
  expectedCloseOn: string | null;
};

export const initialOpportunity = (account: Account): QualifyOpportunityValues => ({
  open: false, organizationId: null, name: account.name, amount: '', currency: 'EUR', expectedCloseOn: null,
});

/** The amount in minor units: null when left empty, undefined when it is no amount in that currency. */
const amountOf = (values: QualifyOpportunityValues): number | null | undefined =>
  values.amount.trim() === '' ? null : (minorUnits(values.amount, values.currency) ?? undefined);

/** What the form lacks before it can be sent (the server checks the rest and names its fields). */
export function missingOpportunityFields(account: Account, values: QualifyOpportunityValues): string[] {
  if (!values.open) return [];
  return [
    ...(values.name.trim() ? [] : ['name']),
    ...(values.expectedCloseOn ? [] : ['expectedCloseOn']),
    ...(amountOf(values) === undefined ? ['amount'] : []),
    ...(account.kind === 'person' && !values.organizationId ? ['organizationId'] : []),
  ];
}

/** The qualify request's opportunity part: absent unless asked for; on the lead itself or on the organization chosen. */
export function opportunityPayload(account: Account, values: QualifyOpportunityValues): QualifyWithOpportunity['opportunity'] {
  if (!values.open) return undefined;
  return {
    name: values.name.trim(), amount: amountOf(values) ?? null, currency: values.currency, expectedCloseOn: values.expectedCloseOn ?? '',
    ...(account.kind === 'person' && values.organizationId ? { organizationId: values.organizationId } : {}),
  };
}

type Props = { account: Account; values: QualifyOpportunityValues; onChange: (values: QualifyOpportunityValues) => void; missing: string[] };

/**
 * Opens an opportunity in the same step as qualifying: on the organization lead itself, or on an
 * organization the person lead belongs to (who then takes part in it).
 */
export function QualifyOpportunity({ account, values, onChange, missing }: Props) {
  const { t } = useTranslation();
  const person = account.kind === 'person';
  const contacts = useContacts(account.id, person && values.open);
  const organizations = person ? (contacts.data?.items ?? []).map((contact) => ({ value: contact.organization.id, label: contact.organization.name })) : [];
  const set = (patch: Partial<QualifyOpportunityValues>) => onChange({ ...values, ...patch });
  const error = (field: string, message = t('validation:required')) => (missing.includes(field) ? message : undefined);
  return (
    <Stack gap="xs">
      <Checkbox label={t('leads:qualify.withOpportunity')} checked={values.open} onChange={(event) => set({ open: event.currentTarget.checked })} />
      {values.open && (
        <Stack gap="xs" data-testid="qualify-opportunity">
          {person && contacts.isSuccess && organizations.length === 0 && <Text size="sm" c="orange">{t('leads:qualify.noOrganization')}</Text>}
          {person && organizations.length > 0 && (
            <Select label={t('leads:qualify.organization')} required data={organizations} value={values.organizationId} allowDeselect={false}
              onChange={(organizationId) => set({ organizationId })} comboboxProps={{ withinPortal: true }} error={error('organizationId')} />
          )}
          <TextInput label={t('leads:qualify.name')} required value={values.name} onChange={(event) => set({ name: event.currentTarget.value })} error={error('name')} />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            <TextInput label={t('leads:qualify.amount')} inputMode="decimal" value={values.amount} onChange={(event) => set({ amount: event.currentTarget.value })}
              error={error('amount', t('leads:qualify.amountInvalid'))} />
            <TextInput label={t('leads:qualify.currency')} maxLength={3} value={values.currency} onChange={(event) => set({ currency: event.currentTarget.value.toUpperCase() })} />
            <DateField label={t('leads:qualify.expectedCloseOn')} required value={values.expectedCloseOn} onChange={(expectedCloseOn) => set({ expectedCloseOn })}
              error={error('expectedCloseOn')} />
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}
