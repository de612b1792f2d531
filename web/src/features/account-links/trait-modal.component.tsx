import { interestKinds, type InterestKind, type Trait } from '@contract/account-links';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { useListItems } from '@web/features/lists/use-lists';
import { useAddTrait, useUpdateTrait } from './use-account-link-mutations';
import type { TraitFamily } from './use-account-links';

type Values = { key: string | null; kind: InterestKind; note: string };

/** Adds a characteristic or interest area with a note, or edits one's note (and an interest's kind). */
export function TraitModal({ accountId, family, trait, onClose }: { accountId: string; family: TraitFamily; trait: Trait | null; onClose: () => void }) {
  const { t } = useTranslation();
  const items = useListItems(family === 'characteristics' ? 'characteristic' : 'interest_area');
  const add = useAddTrait(accountId, family);
  const update = useUpdateTrait(accountId, family);
  const mutation = trait ? update : add;
  const isInterest = family === 'interests';
  const startKind = interestKinds.find((kind) => kind === trait?.kind) ?? 'interest';
  const form = useForm<Values>({
    initialValues: { key: trait?.key ?? null, kind: startKind, note: trait?.note ?? '' },
    validate: { key: (value) => (value ? null : t('validation:required')) },
  });
  const submit = form.onSubmit((values) => {
    const options = { onSuccess: onClose, onError: (error: unknown) => form.setErrors(serverFormErrors(error)) };
    if (trait) update.mutate({ id: trait.id, note: values.note, ...(isInterest ? { kind: values.kind } : {}) }, options);
    else if (values.key) add.mutate(isInterest ? { key: values.key, kind: values.kind, note: values.note } : { key: values.key, note: values.note }, options);
  });
  const title = t(`links:${family}.${trait ? 'editTitle' : 'addTitle'}`);
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t(`links:${family}.item`)}
            required
            searchable
            disabled={trait !== null}
            data={items.options(trait?.key)}
            data-autofocus
            {...form.getInputProps('key')}
          />
          {isInterest && (
            <Select
              label={t('links:interests.kind')}
              allowDeselect={false}
              data={interestKinds.map((kind) => ({ value: kind, label: t(`links:interestKind.${kind}`) }))}
              {...form.getInputProps('kind')}
            />
          )}
          <Textarea label={t('links:note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{trait ? t('common:action.save') : t('links:add')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
