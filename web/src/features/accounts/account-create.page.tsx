import { accountKinds, type AccountKind } from '@contract/accounts';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { useCurrentUser } from '@web/features/auth/session';
import { AccountForm } from './account-form.component';
import { emptyAccountValues, toCreatePayload, type AccountFormValues } from './account-form-values';
import { useAccountForm } from './use-account-form';
import { useCreateAccount } from './use-create-account';
import { useDuplicates } from './use-duplicates';
import { DuplicateWarning } from './duplicate-warning.component';

export function AccountCreatePage() {
  const [searchParams] = useSearchParams();
  const kind = accountKinds.find((value) => value === searchParams.get('kind')) ?? 'organization';
  // A new form when the kind changes: organization and person fields differ.
  return <AccountCreateForm key={kind} kind={kind} />;
}

function AccountCreateForm({ kind }: { kind: AccountKind }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  // The creator owns the new account by default, so it stays in their portfolio.
  const form = useAccountForm(emptyAccountValues(kind, [me.id]), null);
  const create = useCreateAccount();
  const duplicates = useDuplicates(form.values);

  const submit = (values: AccountFormValues) => {
    const { payload, renamePath } = toCreatePayload(values);
    create.mutate(payload, {
      onSuccess: (account) => void navigate(`/accounts/${account.id}`),
      onError: (error) => form.setErrors(serverFormErrors(error, renamePath)),
    });
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t(kind === 'organization' ? 'accounts:form.newOrganization' : 'accounts:form.newPerson')}</Title>
      <AccountForm
        form={form}
        onSubmit={submit}
        onCancel={() => void navigate('/accounts')}
        submitting={create.isPending}
        submitLabel={t('accounts:action.create')}
        withOwners
        notice={
          <>
            <DuplicateWarning duplicates={duplicates.data ?? []} />
            <ErrorAlert error={create.error} />
          </>
        }
      />
    </Stack>
  );
}
