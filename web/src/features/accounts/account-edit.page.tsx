import type { Account } from '@contract/accounts';
import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { RecordGuard } from '@web/components/record-guard.component';
import { serverFormErrors } from '@web/components/form-errors';
import { AccountForm } from './account-form.component';
import { accountToValues, toUpdatePayload, type AccountFormValues } from './account-form-values';
import { StaleVersionAlert } from './stale-version-alert.component';
import { useAccount } from './use-account';
import { useAccountForm } from './use-account-form';
import { useUpdateAccount } from './use-update-account';
import { useDuplicates } from './use-duplicates';
import { DuplicateWarning } from './duplicate-warning.component';

export function AccountEditPage() {
  const { id = '' } = useParams();
  const account = useAccount(id);
  // Without the right to edit, the page is as if the account did not exist.
  return (
    <RecordGuard query={account} refuse={(record) => !record.abilities.update}>
      {(record) => <AccountEditForm account={record} onReload={account.refetch} />}
    </RecordGuard>
  );
}

function AccountEditForm({ account, onReload }: { account: Account; onReload: () => Promise<{ data?: Account }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [version, setVersion] = useState(account.version);
  const form = useAccountForm(accountToValues(account), account.version);
  const update = useUpdateAccount(account.id);
  const duplicates = useDuplicates(form.values, account.id);
  const [reloading, setReloading] = useState(false);
  const stale = isApiError(update.error, 'stale_version');

  const submit = (values: AccountFormValues) => {
    const { payload, renamePath } = toUpdatePayload(values, version);
    update.mutate(payload, {
      onSuccess: () => void navigate(`/accounts/${account.id}`),
      onError: (error) => form.setErrors(serverFormErrors(error, renamePath)),
    });
  };

  const reload = async () => {
    setReloading(true);
    const { data } = await onReload();
    setReloading(false);
    if (!data) return;
    // The other person's changes replace this form's: what to keep is the user's call, made again.
    form.setValues(accountToValues(data));
    form.resetDirty(accountToValues(data));
    form.clearErrors();
    setVersion(data.version);
    update.reset();
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('accounts:form.editTitle', { name: account.name })}</Title>
      <AccountForm
        form={form}
        onSubmit={submit}
        onCancel={() => void navigate(`/accounts/${account.id}`)}
        submitting={update.isPending}
        submitLabel={t('common:action.save')}
        withOwners={false}
        notice={
          <>
            <DuplicateWarning duplicates={duplicates.data ?? []} accountId={account.id} />
            {stale ? <StaleVersionAlert onReload={() => void reload()} reloading={reloading} /> : <ErrorAlert error={update.error} />}
          </>
        }
      />
    </Stack>
  );
}
