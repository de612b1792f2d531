import { tagCreateSchema, type Tag } from '@contract/tags';
import { Button, ColorInput, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { swatches } from '@web/features/lists/list-item-modal.component';
import { useCreateTag, useUpdateTag } from './use-tag-mutations';

/** Creates a tag (`tag` null) or renames and recolours one. */
export function TagFormModal({ tag, onClose }: { tag: Tag | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTag();
  const update = useUpdateTag();
  const mutation = tag ? update : create;
  const form = useForm({
    initialValues: { name: tag?.name ?? '', color: tag?.color ?? '' },
    validate: (values) => validatePayload(tagCreateSchema, { name: values.name, color: values.color || null }),
  });

  const submit = form.onSubmit((values) => {
    const options = { onSuccess: onClose, onError: (error: unknown) => form.setErrors(serverFormErrors(error)) };
    const color = values.color || null;
    if (tag) update.mutate({ id: tag.id, version: tag.version, name: values.name, color }, options);
    else create.mutate({ name: values.name, color }, options);
  });

  return (
    <Modal opened onClose={onClose} title={tag ? t('tags:form.editTitle', { name: tag.name }) : t('tags:form.newTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('tags:form.name')} required data-autofocus {...form.getInputProps('name')} />
          <ColorInput label={t('tags:form.color')} format="hex" swatches={swatches} swatchesPerRow={7} {...form.getInputProps('color')} />
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{tag ? t('common:action.save') : t('tags:form.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
