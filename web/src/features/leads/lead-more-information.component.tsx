import type { Account } from '@contract/accounts';
import { Button, Paper, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@web/app/api-client';
import { FormActions } from '@web/components/form-actions.component';
import { serverFormErrors } from '@web/components/form-errors';
import { accountToValues, toUpdatePayload, type AccountFormValues } from '@web/features/accounts/account-form-values';
import { AccountOverview } from '@web/features/accounts/account-overview.component';
import { AddressFields } from '@web/features/accounts/address-fields.component';
import { PersonFields } from '@web/features/accounts/person-fields.component';
import { StaleVersionAlert } from '@web/features/accounts/stale-version-alert.component';
import { TaxIdInput } from '@web/features/accounts/tax-id-input.component';
import { useAccountForm } from '@web/features/accounts/use-account-form';
import { useUpdateAccount } from '@web/features/accounts/use-update-account';

/** Seed 002's "más información" of a lead: read, or edited in place without leaving the lead. */
export function LeadMoreInformation({ account, onReload }: { account: Account; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing) return <MoreInformationForm account={account} onDone={() => setEditing(false)} onReload={onReload} />;
  return (
    <Stack gap="sm">
      {account.abilities.update && (
        <Button variant="light" size="compact-sm" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }}>
          {t('leads:editMoreInformation')}
        </Button>
      )}
      <AccountOverview account={account} />
    </Stack>
  );
}

function MoreInformationForm({ account, onDone, onReload }: { account: Account; onDone: () => void; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const form = useAccountForm(accountToValues(account), account.version);
  const update = useUpdateAccount(account.id);
  const stale = isApiError(update.error, 'stale_version');
  const submit = (values: AccountFormValues) => {
    const { payload, renamePath } = toUpdatePayload(values, account.version);
    update.mutate(payload, { onSuccess: onDone, onError: (error) => form.setErrors(serverFormErrors(error, renamePath)) });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('leads:moreInformation')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TaxIdInput form={form} />
            {account.kind === 'person' && <PersonFields form={form} />}
          </SimpleGrid>
          <AddressFields form={form} kind="visit" />
          <Textarea label={t('accounts:field.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
          {stale && <StaleVersionAlert onReload={() => void onReload().then(onDone)} reloading={false} />}
          <FormActions error={stale ? null : update.error} pending={update.isPending} submitLabel={t('common:action.save')} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}
