import { Checkbox, Modal, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@web/components/form-actions.component';
import { serverFormErrors } from '@web/components/form-errors';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { fromLocalInput, toLocalInput } from './local-time';
import { useCreateActivity } from './use-create-activity';
import { DateTimeField } from '@web/components/date-field.component';

type Values = { type: string | null; startAt: string; result: string; private: boolean };

/** `campaignId`: a call logged for a campaign's member belongs to the campaign. */
type Props = { accountId: string; requestId?: string | null; opportunityId?: string | null; campaignId?: string | null; onClose: () => void };

/**
 * Seed 003's "log a call or a client's visit": what already happened, done with its result in
 * one step (no scheduling, no reminder). The actor is its responsible user.
 */
export function ActivityLogModal({ accountId, requestId = null, opportunityId = null, campaignId = null, onClose }: Props) {
  const { t } = useTranslation();
  const lists = useListLookup();
  const create = useCreateActivity();
  const form = useForm<Values>({
    initialValues: { type: 'call', startAt: toLocalInput(new Date().toISOString()), result: '', private: false },
    validate: {
      type: (value) => (value ? null : t('validation:required')),
      startAt: (value) => (fromLocalInput(value) ? null : t('validation:required')),
      result: (value) => (value.trim() ? null : t('validation:required')),
    },
  });

  const submit = form.onSubmit((values) => {
    const type = values.type ?? '';
    create.mutate(
      // The type's name is the subject ("Llamada"); what happened is the result.
      { accountId, requestId, opportunityId, ...(campaignId ? { campaignId } : {}), type, subject: lists.label('activity_type', type) || type, startAt: fromLocalInput(values.startAt) ?? '', status: 'done', result: values.result, private: values.private },
      { onSuccess: onClose, onError: (error) => form.setErrors(serverFormErrors(error)) },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('activities:log.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <ListSelect listKey="activity_type" label={t('activities:field.type')} required clearable={false} {...form.getInputProps('type')} />
            <DateTimeField label={t('activities:log.when')} required {...form.getInputProps('startAt')} />
          </SimpleGrid>
          <Textarea label={t('activities:field.result')} placeholder={t('activities:log.resultHint')} required autosize minRows={3} maxRows={10} data-autofocus {...form.getInputProps('result')} />
          <Checkbox label={t('activities:field.private')} description={t('activities:form.privateHint')} {...form.getInputProps('private', { type: 'checkbox' })} />
          <FormActions error={create.error} pending={create.isPending} submitLabel={t('activities:log.submit')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
