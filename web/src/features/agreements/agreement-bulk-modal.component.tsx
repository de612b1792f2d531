import { agreementBulkRequestSchema, type AgreementBulkRequest } from '@contract/agreement-bulk';
import type { BulkSelection } from '@contract/bulk';
import { Checkbox, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@web/components/form-actions.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { useCurrentUser } from '@web/features/auth/session';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import { useStartAgreementBulk } from './use-agreement-bulk';
import { useAgreementTemplates } from './use-agreement-templates';

type Values = { templateId: string | null; title: string; type: string | null; ownerId: string; addAssigneeAsOwner: boolean };

type Props = {
  selection: BulkSelection;
  /** "It will apply to N accounts", as the other bulk actions say it. */
  appliesTo: string;
  onStarted: (started: { jobId: string; total: number }) => void;
  onClose: () => void;
};

const payloadOf = (selection: BulkSelection, values: Values): AgreementBulkRequest => ({
  selection, templateId: values.templateId ?? '', title: values.title, type: values.type, ownerId: values.ownerId,
  ...(values.addAssigneeAsOwner ? { addAssigneeAsOwner: true } : {}),
});

// The selection is the list's, not a field of this form: its errors show above the buttons.
const fieldOf = (path: string) => (path.startsWith('selection') ? 'selection' : path);

/**
 * "Send agreement from template" on the accounts list's selection: the template, the agreements'
 * title, type and owner; each selected company gets its own, generated and sent by e-mail in the
 * background.
 */
export function AgreementBulkModal({ selection, appliesTo, onStarted, onClose }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const templates = useAgreementTemplates();
  const users = useUserOptions();
  const start = useStartAgreementBulk();
  const form = useForm<Values>({
    initialValues: { templateId: null, title: '', type: null, ownerId: me.id, addAssigneeAsOwner: false },
    validate: (values) => ({
      ...validatePayload(agreementBulkRequestSchema, payloadOf(selection, values), fieldOf),
      // No template yet reads as a missing field, not as a malformed id.
      ...(values.templateId ? {} : { templateId: t('validation:required') }),
    }),
  });
  const submit = form.onSubmit((values) => start.mutate(payloadOf(selection, values), {
    onSuccess: (started) => {
      onStarted(started);
      onClose();
    },
    onError: (error) => form.setErrors(serverFormErrors(error, fieldOf)),
  }));
  const owner = users.data?.items.find((user) => user.id === form.values.ownerId);
  return (
    <Modal opened onClose={onClose} title={t('agreements:bulk.title')} centered>
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{appliesTo}</Text>
          <Select label={t('agreements:bulk.template')} required searchable comboboxProps={{ withinPortal: true }}
            data={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: template.name }))} {...form.getInputProps('templateId')} />
          <TextInput label={t('agreements:field.title')} required maxLength={200} {...form.getInputProps('title')} />
          <ListSelect listKey="agreement_type" label={t('agreements:field.type')} value={form.values.type} onChange={(value) => form.setFieldValue('type', value)} error={form.errors.type} />
          <Select label={t('agreements:field.owner')} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }}
            data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))} {...form.getInputProps('ownerId')} />
          {form.values.ownerId !== me.id && (
            <Checkbox label={t('agreements:bulk.addOwner', { name: owner?.name ?? '' })} {...form.getInputProps('addAssigneeAsOwner', { type: 'checkbox' })} />
          )}
          <Text size="xs" c="dimmed">{t('agreements:bulk.hint')}</Text>
          {form.errors.selection && <Text size="sm" c="red" role="alert">{form.errors.selection}</Text>}
          <FormActions error={Object.keys(serverFormErrors(start.error)).length > 0 ? null : start.error} pending={start.isPending} submitLabel={t('agreements:bulk.submit')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
