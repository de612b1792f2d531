import type { AccountKind } from '@contract/accounts';
import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { AccountPicker } from '@web/features/accounts/account-picker.component';
import { useListItems } from '@web/features/lists/use-lists';
import { useAddRelationship } from './use-account-link-mutations';

type Values = { kind: AccountKind; otherId: string | null; reason: string | null; note: string };

/** Relates this account to another one the user can see, for a reason from the list. */
export function RelationshipModal({ accountId, exclude, onClose }: { accountId: string; exclude: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const reasons = useListItems('relationship_reason');
  const add = useAddRelationship(accountId);
  const form = useForm<Values>({
    initialValues: { kind: 'organization', otherId: null, reason: null, note: '' },
    validate: {
      otherId: (value) => (value ? null : t('validation:required')),
      reason: (value) => (value ? null : t('validation:required')),
    },
  });
  const submit = form.onSubmit((values) => {
    if (!values.otherId || !values.reason) return;
    add.mutate({ otherId: values.otherId, reason: values.reason, note: values.note }, {
      onSuccess: onClose,
      onError: (error) => form.setErrors(serverFormErrors(error)),
    });
  });
  return (
    <Modal opened onClose={onClose} title={t('links:relationships.addTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            value={form.values.kind}
            onChange={(kind) => {
              form.setFieldValue('kind', kind === 'person' ? 'person' : 'organization');
              form.setFieldValue('otherId', null);
            }}
            data={[
              { value: 'organization', label: t('accounts:kind.organization') },
              { value: 'person', label: t('accounts:kind.person') },
            ]}
          />
          <AccountPicker
            kind={form.values.kind}
            label={t('links:relationships.other')}
            value={form.values.otherId}
            onChange={(id) => form.setFieldValue('otherId', id)}
            error={form.errors.otherId}
            exclude={[accountId, ...exclude]}
          />
          <Select label={t('links:relationships.reason')} required data={reasons.options()} {...form.getInputProps('reason')} />
          <Textarea label={t('links:note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
          <ErrorAlert error={add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={add.isPending}>{t('links:add')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
