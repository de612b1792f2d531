import { teamCreateSchema, type Team } from '@contract/users';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { useCreateTeam } from './use-create-team';
import { useRenameTeam } from './use-rename-team';
import { FormActions } from '@web/components/form-actions.component';

/** Creates a team (`team` null) or renames one. */
export function TeamNameModal({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTeam();
  const rename = useRenameTeam();
  const mutation = team ? rename : create;
  const form = useForm({ initialValues: { name: team?.name ?? '' }, validate: (values) => validatePayload(teamCreateSchema, values) });

  const submit = form.onSubmit(({ name }) => {
    const options = { onSuccess: onClose, onError: (error: unknown) => form.setErrors(serverFormErrors(error)) };
    if (team) rename.mutate({ id: team.id, name }, options);
    else create.mutate(name, options);
  });

  return (
    <Modal opened onClose={onClose} title={team ? t('users:teams.renameTitle', { name: team.name }) : t('users:teams.createTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('users:teams.name')} required data-autofocus {...form.getInputProps('name')} />
          <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={team ? t('common:action.save') : t('users:teams.create')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
