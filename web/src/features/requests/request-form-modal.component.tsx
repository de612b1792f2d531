import type { Request } from '@contract/requests';
import { Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { serverFormErrors } from '@web/components/form-errors';
import { AssigneeConfirm } from '@web/features/activities/assignee-confirm.component';
import { useAssigneeConfirm } from '@web/features/activities/use-assignee-confirm';
import { useCurrentUser } from '@web/features/auth/session';
import { useUserOptions } from '@web/features/users/use-user-options';
import { RequestFields, type RequestValues } from './request-fields.component';
import { requestPayload, requestValues } from './request-payload';
import { useSaveRequest } from './use-save-request';
import { FormActions } from '@web/components/form-actions.component';

type Props = { opened: boolean; onClose: () => void; accountId: string; request?: Request };

/** Adds a request to a lead (the + of seed 002), or edits one. */
export function RequestFormModal({ opened, onClose, accountId, request }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUserOptions();
  const save = useSaveRequest();
  const assignee = useAssigneeConfirm();
  // The question is about the values that were sent: any change makes it moot.
  const form = useForm<RequestValues>({ initialValues: requestValues(request ?? null, me.id), onValuesChange: () => assignee.close() });
  const close = () => {
    form.reset();
    save.reset();
    assignee.close();
    onClose();
  };
  // addAssigneeAsOwner: the user confirmed that the responsible, who cannot see the account, becomes an owner.
  const send = (values: RequestValues, addAssigneeAsOwner: boolean) => {
    const payload = { ...requestPayload(values), addAssigneeAsOwner };
    assignee.close();
    const onError = (error: unknown) => {
      if (!assignee.ask(error)) form.setErrors(serverFormErrors(error));
    };
    if (request) save.mutate({ id: request.id, update: { version: request.version, ...payload } }, { onSuccess: close, onError });
    else save.mutate({ create: { accountId, ...payload } }, { onSuccess: close, onError });
  };
  const submit = form.onSubmit((values) => send(values, false));
  const responsibleName = users.data?.items.find((user) => user.id === form.values.responsibleId)?.name ?? '';
  return (
    <Modal opened={opened} onClose={close} title={t(request ? 'requests:form.editTitle' : 'requests:form.newTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RequestFields form={form} />
          {assignee.asking && <AssigneeConfirm name={responsibleName} pending={save.isPending} onConfirm={() => send(form.getValues(), true)} onCancel={assignee.close} />}
          <FormActions error={assignee.shown(save.error)} pending={save.isPending} submitLabel={t('common:action.save')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
