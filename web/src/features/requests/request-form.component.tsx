import type { Request } from '@contract/requests';
import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@web/components/form-actions.component';
import { serverFormErrors } from '@web/components/form-errors';
import { AssigneeConfirm } from '@web/features/activities/assignee-confirm.component';
import { useAssigneeConfirm } from '@web/features/activities/use-assignee-confirm';
import { useCurrentUser } from '@web/features/auth/session';
import { useUserOptions } from '@web/features/users/use-user-options';
import { RequestFields, type RequestValues } from './request-fields.component';
import { requestPayload, requestValues } from './request-payload';
import { useSaveRequest } from './use-save-request';

type Props = { accountId: string; request?: Request; onDone: () => void; label?: string };

/** A request's form, new or edited: in a dialog (the + of seed 002) or in place on the lead's page. */
export function RequestForm({ accountId, request, onDone, label }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUserOptions();
  const save = useSaveRequest();
  const assignee = useAssigneeConfirm();
  // The question is about the values that were sent: any change makes it moot.
  const form = useForm<RequestValues>({ initialValues: requestValues(request ?? null, me.id), onValuesChange: () => assignee.close() });
  // addAssigneeAsOwner: the user confirmed that the responsible, who cannot see the account, becomes an owner.
  const send = (values: RequestValues, addAssigneeAsOwner: boolean) => {
    const payload = { ...requestPayload(values), addAssigneeAsOwner };
    assignee.close();
    const onError = (error: unknown) => {
      if (!assignee.ask(error)) form.setErrors(serverFormErrors(error));
    };
    if (request) save.mutate({ id: request.id, update: { version: request.version, ...payload } }, { onSuccess: onDone, onError });
    else save.mutate({ create: { accountId, ...payload } }, { onSuccess: onDone, onError });
  };
  const submit = form.onSubmit((values) => send(values, false));
  const responsibleName = users.data?.items.find((user) => user.id === form.values.responsibleId)?.name ?? '';
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        <RequestFields form={form} />
        {assignee.asking && <AssigneeConfirm name={responsibleName} pending={save.isPending} onConfirm={() => send(form.getValues(), true)} onCancel={assignee.close} />}
        <FormActions error={assignee.shown(save.error)} pending={save.isPending} submitLabel={t('common:action.save')} onCancel={onDone} />
      </Stack>
    </form>
  );
}
