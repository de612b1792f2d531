import type { Activity } from '@contract/activities';
import type { AccountKind } from '@contract/accounts';
import { Checkbox, Modal, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { serverFormErrors } from '@web/components/form-errors';
import { AccountPicker } from '@web/features/accounts/account-picker.component';
import { useCurrentUser } from '@web/features/auth/session';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import { fromLocalInput, nextHour, toLocalInput } from './local-time';
import { useCreateActivity } from './use-create-activity';
import { useUpdateActivity } from './use-update-activity';
import { AssigneeConfirm } from './assignee-confirm.component';
import { useAssigneeConfirm } from './use-assignee-confirm';
import { FormActions } from '@web/components/form-actions.component';
import { DateTimeField } from '@web/components/date-field.component';

type Values = {
  kind: AccountKind;
  accountId: string | null;
  type: string | null;
  subject: string;
  startAt: string;
  endAt: string;
  dueAt: string;
  responsibleId: string | null;
  private: boolean;
  remindAt: string;
  notes: string;
};

type Props = {
  opened: boolean;
  onClose: () => void;
  /** Fixed when scheduling from an account or lead page. */
  accountId?: string;
  requestId?: string | null;
  /** A new activity on this opportunity of the account. */
  opportunityId?: string | null;
  /** A task of this project (of the same organization). */
  projectId?: string | null;
  /** Work for a campaign's member (a visit, a reminder): the campaign it belongs to. */
  campaignId?: string | null;
  /** A new activity's type, and whether it starts with a reminder at its start. */
  initialType?: string;
  withReminder?: boolean;
  /** Given to edit an existing activity. */
  activity?: Activity;
};

/** Schedules an activity, or edits one. */
export function ActivityFormModal({ opened, onClose, accountId, requestId = null, opportunityId = null, projectId = null, campaignId = null, initialType = 'call', withReminder = false, activity }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUserOptions();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const mutation = activity ? update : create;
  const assignee = useAssigneeConfirm();
  const form = useForm<Values>({
    initialValues: {
      kind: activity?.account.kind ?? 'person',
      accountId: activity?.account.id ?? accountId ?? null,
      type: activity?.type ?? initialType,
      subject: activity?.subject ?? '',
      startAt: toLocalInput(activity?.startAt ?? nextHour()),
      endAt: toLocalInput(activity?.endAt),
      dueAt: activity && activity.dueAt !== activity.startAt ? toLocalInput(activity.dueAt) : '',
      responsibleId: activity?.responsible.id ?? me.id,
      private: activity?.private ?? false,
      remindAt: toLocalInput(activity ? activity.remindAt : withReminder ? nextHour() : null),
      notes: activity?.notes ?? '',
    },
    // The question is about the values that were sent: any change makes it moot.
    onValuesChange: () => assignee.close(),
    validate: {
      accountId: (value) => (value ? null : t('validation:required')),
      type: (value) => (value ? null : t('validation:required')),
      subject: (value) => (value.trim() ? null : t('validation:required')),
      startAt: (value) => (fromLocalInput(value) ? null : t('validation:required')),
    },
  });

  const close = () => {
    form.reset();
    mutation.reset();
    assignee.close();
    onClose();
  };

  // addAssigneeAsOwner: the user confirmed that the responsible, who cannot see the account, becomes an owner.
  const save = (values: Values, addAssigneeAsOwner: boolean) => {
    const fields = {
      type: values.type ?? '',
      subject: values.subject,
      startAt: fromLocalInput(values.startAt) ?? '',
      endAt: fromLocalInput(values.endAt),
      dueAt: fromLocalInput(values.dueAt),
      responsibleId: values.responsibleId ?? undefined,
      private: values.private,
      remindAt: fromLocalInput(values.remindAt),
      notes: values.notes,
      addAssigneeAsOwner,
    };
    assignee.close();
    const onError = (error: unknown) => {
      if (!assignee.ask(error)) form.setErrors(serverFormErrors(error));
    };
    if (activity) update.mutate({ id: activity.id, version: activity.version, ...fields }, { onSuccess: close, onError });
    else create.mutate({ accountId: values.accountId ?? '', requestId, opportunityId, ...(projectId ? { projectId } : {}), ...(campaignId ? { campaignId } : {}), ...fields }, { onSuccess: close, onError });
  };
  const submit = form.onSubmit((values) => save(values, false));

  const userData = (users.data?.items ?? []).filter((user) => user.active || user.id === form.values.responsibleId).map((user) => ({ value: user.id, label: user.name }));

  return (
    <Modal opened={opened} onClose={close} title={t(activity ? 'activities:form.editTitle' : 'activities:form.newTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!accountId && !activity && (
            <>
              <SegmentedControl
                value={form.values.kind}
                onChange={(kind) => form.setValues({ kind: kind === 'organization' ? 'organization' : 'person', accountId: null })}
                data={[{ value: 'person', label: t('accounts:kind.person') }, { value: 'organization', label: t('accounts:kind.organization') }]}
              />
              <AccountPicker kind={form.values.kind} label={t('activities:field.account')} value={form.values.accountId} onChange={(id) => form.setFieldValue('accountId', id)} error={form.errors.accountId} exclude={[]} />
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <ListSelect listKey="activity_type" label={t('activities:field.type')} required clearable={false} {...form.getInputProps('type')} />
            <TextInput label={t('activities:field.subject')} required {...form.getInputProps('subject')} />
            <DateTimeField label={t('activities:field.startAt')} required {...form.getInputProps('startAt')} />
            <DateTimeField label={t('activities:field.endAt')} {...form.getInputProps('endAt')} />
            <DateTimeField label={t('activities:field.dueAt')} description={t('activities:form.dueHint')} {...form.getInputProps('dueAt')} />
            <DateTimeField label={t('activities:field.remindAt')} {...form.getInputProps('remindAt')} />
            <Select label={t('activities:field.responsible')} data={userData} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('responsibleId')} />
          </SimpleGrid>
          <Checkbox label={t('activities:field.private')} description={t('activities:form.privateHint')} {...form.getInputProps('private', { type: 'checkbox' })} />
          <Textarea label={t('activities:field.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
          {assignee.asking && (
            <AssigneeConfirm
              name={userData.find((user) => user.value === form.values.responsibleId)?.label ?? ''}
              pending={mutation.isPending}
              onConfirm={() => save(form.getValues(), true)}
              onCancel={assignee.close}
            />
          )}
          <FormActions error={assignee.shown(mutation.error)} pending={mutation.isPending} submitLabel={t(activity ? 'common:action.save' : 'activities:action.schedule')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
