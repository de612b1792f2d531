import { Button, Collapse, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useListItems } from '@web/features/lists/use-lists';
import type { AccountFormValues } from './account-form-values';
import { AddressFields } from './address-fields.component';
import { InvoiceFields } from './invoice-fields.component';
import { ParentPicker } from '@web/features/account-links/parent-picker.component';
import { ListField } from './list-field.component';
import { OwnerSelect } from './owner-select.component';
import { PersonFields } from './person-fields.component';
import { TaxIdInput } from './tax-id-input.component';

type Props = {
  form: UseFormReturnType<AccountFormValues>;
  onSubmit: (values: AccountFormValues) => void;
  onCancel: () => void;
  submitting: boolean;
  submitLabel: string;
  withOwners: boolean;
  /** Errors and notices shown above the buttons (server errors, stale version). */
  notice?: ReactNode;
};

/** Takes the user to the first field that needs fixing; in a long form it may be off screen. */
function focusFirstError(errors: Record<string, unknown>): void {
  const [first] = Object.keys(errors);
  if (!first) return;
  const node = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(first)}"]`);
  node?.focus();
  node?.scrollIntoView({ block: 'center' });
}

function hasAny(values: Record<string, string>): boolean {
  return Object.values(values).some((value) => value.trim() !== '');
}

/** Create and edit form of an organization or a person. */
export function AccountForm({ form, onSubmit, onCancel, submitting, submitLabel, withOwners, notice }: Props) {
  const { t } = useTranslation();
  const { addresses } = form.values;
  const [moreAddresses, { toggle }] = useDisclosure(hasAny(addresses.postal) || hasAny(addresses.billing));
  const isOrganization = form.values.kind === 'organization';
  const stages = useListItems('account_stage');
  const industries = useListItems('industry');
  const sources = useListItems('source');
  // Errors must never hide in the collapsed section.
  const hiddenError = Object.keys(form.errors).some((path) => /^addresses\.(postal|billing)\./.test(path));

  return (
    <form onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={4}>{t('accounts:form.identity')}</Title>
            {isOrganization ? (
              <TextInput label={t('accounts:field.name')} required {...form.getInputProps('name')} />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('accounts:field.firstName')} required {...form.getInputProps('firstName')} />
                <TextInput label={t('accounts:field.lastName')} {...form.getInputProps('lastName')} />
              </SimpleGrid>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('accounts:field.stage')}
                allowDeselect={false}
                data={stages.options(form.values.stage)}
                value={form.values.stage}
                onChange={(value) => form.setFieldValue('stage', value ?? form.values.stage)}
                error={form.errors.stage}
              />
              <TaxIdInput form={form} />
              {isOrganization ? (
                <Select
                  label={t('accounts:field.industry')}
                  clearable
                  searchable
                  data={industries.options(form.values.industry)}
                  value={form.values.industry}
                  onChange={(value) => form.setFieldValue('industry', value)}
                  error={form.errors.industry}
                />
              ) : (
                <PersonFields form={form} />
              )}
              <Select
                label={t('accounts:field.source')}
                clearable
                data={sources.options(form.values.source)}
                value={form.values.source}
                onChange={(value) => form.setFieldValue('source', value)}
                error={form.errors.source}
              />
              {isOrganization && <TextInput label={t('accounts:field.website')} placeholder="https://" {...form.getInputProps('website')} />}
              {isOrganization && (
                <ParentPicker value={form.values.parentId} onChange={(id) => form.setFieldValue('parentId', id)} error={form.errors.parentId} />
              )}
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={4}>{t('accounts:form.contactDetails')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <ListField form={form} field="emails" />
              <ListField form={form} field="phones" />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={4}>{t('accounts:form.addresses')}</Title>
            <AddressFields form={form} kind="visit" />
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={toggle}
              aria-expanded={moreAddresses}
              leftSection={moreAddresses ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('accounts:form.moreAddresses')}
            </Button>
            <Collapse expanded={moreAddresses || hiddenError}>
              <Stack gap="sm">
                <AddressFields form={form} kind="postal" />
                <AddressFields form={form} kind="billing" />
              </Stack>
            </Collapse>
          </Stack>
        </Paper>

        {isOrganization && (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>{t('company:invoicing.title')}</Title>
              <InvoiceFields form={form} />
            </Stack>
          </Paper>
        )}

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Textarea label={t('accounts:field.notes')} autosize minRows={3} maxRows={12} {...form.getInputProps('notes')} />
            {withOwners && (
              <OwnerSelect
                value={form.values.ownerIds}
                onChange={(ids) => form.setFieldValue('ownerIds', ids)}
                error={form.errors.ownerIds}
              />
            )}
          </Stack>
        </Paper>

        {notice}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
