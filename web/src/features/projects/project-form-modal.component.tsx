import type { Project } from '@contract/projects';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { AccountPicker } from '@web/features/accounts/account-picker.component';
import { useCurrentUser } from '@web/features/auth/session';
import { ProjectFields } from './project-fields.component';
import { projectFormValues, projectStartPayload, projectUpdatePayload } from './project-form-values';
import { useCreateProject, useUpdateProject } from './use-projects';
import { useProjectForm } from './use-project-form';

type Props = { project?: Project | null; organizationId?: string | null; onClose: () => void };

/** Creates a project (on a chosen or given organization) or edits one. */
export function ProjectFormModal({ project = null, organizationId = null, onClose }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? '');
  const mutation = project ? update : create;
  const form = useProjectForm(projectFormValues(project, me.id));
  const [organization, setOrganization] = useState<string | null>(organizationId);
  const [organizationError, setOrganizationError] = useState<string | null>(null);
  const onError = (error: unknown) => form.setErrors(serverFormErrors(error));
  const submit = form.onSubmit((values) => {
    if (project) {
      update.mutate(projectUpdatePayload(values, project), { onSuccess: onClose, onError });
      return;
    }
    if (!organization) {
      setOrganizationError(t('validation:required'));
      return;
    }
    create.mutate({ organizationId: organization, ...projectStartPayload(values) }, {
      onSuccess: (created) => { onClose(); void navigate(`/projects/${created.id}`); },
      onError,
    });
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={t(project ? 'projects:form.editTitle' : 'projects:form.createTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!project && !organizationId && (
            <AccountPicker kind="organization" label={t('projects:field.organization')} value={organization} exclude={[]}
              onChange={(id) => { setOrganization(id); setOrganizationError(null); }} error={organizationError} />
          )}
          <ProjectFields form={form} />
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{t('common:action.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
