import type { SavedView, ViewListKey } from '@contract/saved-views';
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { useCreateSavedView, useUpdateSavedView } from './use-saved-views';

const valuesSchema = z.object({ name: z.string().trim().min(1).max(80), shared: z.boolean() });

type Props = {
  /** The view being renamed, or null to save the list as it is now under a new name. */
  view: SavedView | null;
  current: { list: ViewListKey; query: Record<string, string>; columns: string[] };
  onSaved: (view: SavedView) => void;
  onClose: () => void;
};

export function SaveViewModal({ view, current, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateSavedView();
  const update = useUpdateSavedView();
  const mutation = view ? update : create;
  const form = useForm({
    initialValues: { name: view?.name ?? '', shared: view?.shared ?? false },
    validate: (values) => validatePayload(valuesSchema, values),
  });
  const submit = form.onSubmit((values) => {
    const options = {
      onSuccess: (saved: SavedView) => {
        onSaved(saved);
        onClose();
      },
      onError: (error: unknown) => form.setErrors(serverFormErrors(error)),
    };
    if (view) update.mutate({ id: view.id, version: view.version, name: values.name, shared: values.shared }, options);
    else create.mutate({ list: current.list, name: values.name, shared: values.shared, query: current.query, columns: current.columns }, options);
  });
  return (
    <Modal opened onClose={onClose} title={view ? t('views:renameTitle') : t('views:saveTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('views:name')} required data-autofocus {...form.getInputProps('name')} />
          <Checkbox label={t('views:shared')} description={t('views:sharedHelp')} {...form.getInputProps('shared', { type: 'checkbox' })} />
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
