import { accountKinds, type AccountKind } from '@contract/accounts';
import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
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
import { RegistryLookupSection, useRegistryDuplicates } from '@web/features/registry/registry-lookup-section.component';
import { RegistryDepartments } from '@web/features/registry/registry-departments.component';
import { useCreateFromRegistry } from '@web/features/registry/use-create-from-registry';
import { projectFormValues, projectStartPayload } from '@web/features/projects/project-form-values';
import { StartProjectSection } from '@web/features/projects/start-project-section.component';
import { useProjectForm } from '@web/features/projects/use-project-form';
import { useRegistryChoice } from '@web/features/registry/use-registry-choice';

export function AccountCreatePage() {
  const [searchParams] = useSearchParams();
  const kind = accountKinds.find((value) => value === searchParams.get('kind')) ?? 'organization';
  // A new form when the kind changes: organization and person fields differ.
  // "Add a department" on a parent's page opens this form with the parent filled in.
  const parentId = kind === 'organization' ? searchParams.get('parentId') : null;
  return <AccountCreateForm key={kind} kind={kind} parentId={parentId} />;
}

function AccountCreateForm({ kind, parentId }: { kind: AccountKind; parentId: string | null }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  // The creator owns the new account by default, so it stays in their portfolio.
  const form = useAccountForm({ ...emptyAccountValues(kind, [me.id]), parentId }, null);
  const create = useCreateAccount();
  const duplicates = useDuplicates(form.values);
  // Seed 003: an organization can be looked up in the company registers and created with its departments.
  const registry = useRegistryChoice(form);
  const fromRegistry = useCreateFromRegistry();
  const registryDuplicates = useRegistryDuplicates(registry.chosen);
  const withRegistry = kind === 'organization' ? registry.chosen : null;
  // Seed 003: a new company may start with a project, created in the same transaction.
  const [startProject, setStartProject] = useState(false);
  const projectForm = useProjectForm(projectFormValues(null, me.id, 'active'));
  const withProject = kind === 'organization' && startProject;

  /** Server errors go to the form they belong to: the start project's to its section. */
  const showErrors = (error: unknown, renamePath: (path: string) => string) => {
    const errors = serverFormErrors(error, (path) => (path.startsWith('startProject.') ? path : renamePath(path.replace(/^account\./, ''))));
    const inProject = (path: string) => path.startsWith('startProject.');
    form.setErrors(Object.fromEntries(Object.entries(errors).filter(([path]) => !inProject(path))));
    projectForm.setErrors(Object.fromEntries(Object.entries(errors).filter(([path]) => inProject(path)).map(([path, message]) => [path.slice('startProject.'.length), message])));
  };

  const submit = (values: AccountFormValues) => {
    const { payload, renamePath } = toCreatePayload(values);
    if (withProject && projectForm.validate().hasErrors) return;
    const project = withProject ? { startProject: projectStartPayload(projectForm.values) } : {};
    if (withRegistry) {
      fromRegistry.mutate({ account: payload, lookupId: withRegistry.lookupId, departments: registry.departments, ...project }, {
        onSuccess: (created) => void navigate(`/accounts/${created.id}`),
        onError: (error) => showErrors(error, renamePath),
      });
      return;
    }
    create.mutate({ ...payload, ...project }, {
      onSuccess: (account) => void navigate(`/accounts/${account.id}`),
      onError: (error) => showErrors(error, renamePath),
    });
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t(kind === 'organization' ? 'accounts:form.newOrganization' : 'accounts:form.newPerson')}</Title>
      {kind === 'organization' && <RegistryLookupSection registry={registry} />}
      <AccountForm
        form={form}
        onSubmit={submit}
        onCancel={() => void navigate('/accounts')}
        submitting={create.isPending || fromRegistry.isPending}
        submitLabel={t('accounts:action.create')}
        withOwners
        notice={
          <>
            {kind === 'organization' && <StartProjectSection enabled={startProject} onToggle={setStartProject} form={projectForm} />}
            {withRegistry && <RegistryDepartments subUnits={withRegistry.subUnits} selected={registry.departments} onChange={registry.setDepartments} />}
            <DuplicateWarning duplicates={[...(duplicates.data ?? []), ...registryDuplicates.filter((found) => !duplicates.data?.some((item) => item.id === found.id))]} />
            <ErrorAlert error={create.error ?? fromRegistry.error} />
          </>
        }
      />
    </Stack>
  );
}
