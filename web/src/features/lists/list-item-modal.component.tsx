import { isStageList, labelsSchema, stageOutcomes, type ListItem, type ListKey, type StageOutcome } from '@contract/lists';
import { ColorInput, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { useCreateListItem, useUpdateListItem } from './use-list-item-mutations';
import { FormActions } from '@web/components/form-actions.component';

export const swatches = ['#868e96', '#fa5252', '#e64980', '#be4bdb', '#7950f2', '#4c6ef5', '#228be6', '#15aabf', '#12b886', '#40c057', '#82c91e', '#fab005', '#fd7e14'];

const valuesSchema = z.object({
  labels: labelsSchema,
  color: z.string().regex(/^(#[0-9a-fA-F]{6})?$/),
  // Pipeline stages only: the default probability and what the stage means (open, won, lost).
  probability: z.number().int().min(0).max(100).or(z.literal('')),
  outcome: z.enum(stageOutcomes),
});
// The server names label fields `labels.es`; the form does too.
type Values = z.infer<typeof valuesSchema>;

/** Adds an item to a list (`item` null) or renames and recolours one. */
export function ListItemModal({ listKey, item, onClose }: { listKey: ListKey; item: ListItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateListItem(listKey);
  const update = useUpdateListItem(listKey);
  const mutation = item ? update : create;
  const form = useForm<Values>({
    initialValues: { labels: { es: item?.labels.es ?? '', en: item?.labels.en ?? '' }, color: item?.color ?? '', probability: item?.probability ?? '', outcome: item?.outcome ?? 'open' },
    validate: (values) => validatePayload(valuesSchema, values),
  });

  const submit = form.onSubmit((values) => {
    const options = { onSuccess: onClose, onError: (error: unknown) => form.setErrors(serverFormErrors(error)) };
    const color = values.color === '' ? null : values.color;
    const stage = isStageList(listKey) ? { probability: values.probability === '' ? 0 : values.probability, outcome: values.outcome } : {};
    if (item) update.mutate({ id: item.id, version: item.version, labels: values.labels, color, ...stage }, options);
    else create.mutate({ labels: values.labels, color, ...stage }, options);
  });

  return (
    <Modal opened onClose={onClose} title={item ? t('lists:item.editTitle', { name: item.labels.es }) : t('lists:item.newTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('lists:item.labelEs')} required data-autofocus {...form.getInputProps('labels.es')} />
          <TextInput label={t('lists:item.labelEn')} required {...form.getInputProps('labels.en')} />
          <ColorInput
            label={t('lists:item.color')}
            format="hex"
            swatches={swatches}
            swatchesPerRow={7}
            {...form.getInputProps('color')}
          />
          {isStageList(listKey) && (
            <>
              <NumberInput label={t('lists:item.probability')} min={0} max={100} allowDecimal={false} {...form.getInputProps('probability')} />
              <Select
                label={t('lists:item.outcome')}
                allowDeselect={false}
                data={stageOutcomes.map((value) => ({ value, label: t(`lists:outcome.${value}`) }))}
                value={form.values.outcome}
                onChange={(value) => form.setFieldValue('outcome', stageOutcomes.find((outcome): outcome is StageOutcome => outcome === value) ?? 'open')}
                comboboxProps={{ withinPortal: true }}
              />
            </>
          )}
          <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={item ? t('common:action.save') : t('lists:item.add')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
