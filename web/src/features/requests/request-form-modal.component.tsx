import type { Request } from '@contract/requests';
import { Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { serverFormErrors } from '@web/components/form-errors';
import { useCurrentUser } from '@web/features/auth/session';
import { RequestFields, type RequestValues } from './request-fields.component';
import { requestPayload, requestValues } from './request-payload';
import { useSaveRequest } from './use-save-request';
import { FormActions } from '@web/components/form-actions.component';

type Props = { opened: boolean; onClose: () => void; accountId: string; request?: Request };

/** Adds a request to a lead (the + of seed 002), or edits one. */
export function RequestFormModal({ opened, onClose, accountId, request }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const save = useSaveRequest();
  const form = useForm<RequestValues>({ initialValues: requestValues(request ?? null, me.id) });
  const close = () => {
    form.reset();
    save.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const payload = requestPayload(values);
    const onError = (error: unknown) => form.setErrors(serverFormErrors(error));
    if (request) save.mutate({ id: request.id, update: { version: request.version, ...payload } }, { onSuccess: close, onError });
    else save.mutate({ create: { accountId, ...payload } }, { onSuccess: close, onError });
  });
  return (
    <Modal opened={opened} onClose={close} title={t(request ? 'requests:form.editTitle' : 'requests:form.newTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RequestFields form={form} />
          <FormActions error={save.error} pending={save.isPending} submitLabel={t('common:action.save')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
