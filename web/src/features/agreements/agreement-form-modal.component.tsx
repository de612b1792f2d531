import type { Agreement } from '@contract/agreements';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toLanguage } from '@web/app/i18n';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { AccountPicker } from '@web/features/accounts/account-picker.component';
import { useCurrentUser } from '@web/features/auth/session';
import { AgreementFields } from './agreement-fields.component';
import { agreementCreatePayload, agreementFormValues, agreementUpdatePayload, valueOf, type AgreementFormValues } from './agreement-form-values';
import { useCreateAgreement, useUpdateAgreement } from './use-agreements';

type Props = { agreement?: Agreement | null; organizationId?: string | null; projectId?: string | null; onClose: () => void };

/** Starts an agreement (on a chosen or given organization, optionally in a project) or edits one. */
export function AgreementFormModal({ agreement = null, organizationId = null, projectId = null, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateAgreement();
  const update = useUpdateAgreement(agreement?.id ?? '');
  const mutation = agreement ? update : create;
  const locked = agreement !== null && agreement.status !== 'draft';
  const form = useForm<AgreementFormValues>({
    initialValues: agreementFormValues(agreement, me.id, toLanguage(i18n.language) ?? 'es', projectId),
    validate: {
      title: (value) => (value.trim() ? null : t('validation:required')),
      value: (_value, values) => (valueOf(values) === undefined ? t('validation:invalid') : null),
      endOn: (value, values) => (value && values.startOn && value < values.startOn ? t('validation:end_before_start') : null),
    },
  });
  const [organization, setOrganization] = useState<string | null>(agreement?.organization.id ?? organizationId);
  const [organizationError, setOrganizationError] = useState<string | null>(null);
  const onError = (error: unknown) => form.setErrors(serverFormErrors(error));
  const submit = form.onSubmit((values) => {
    if (agreement) {
      update.mutate(agreementUpdatePayload(values, agreement), { onSuccess: onClose, onError });
      return;
    }
    if (!organization) {
      setOrganizationError(t('validation:required'));
      return;
    }
    create.mutate({ organizationId: organization, ...agreementCreatePayload(values) }, {
      onSuccess: (created) => { onClose(); void navigate(`/agreements/${created.id}`); },
      onError,
    });
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={t(agreement ? 'agreements:form.editTitle' : 'agreements:form.createTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!agreement && !organizationId && (
            <AccountPicker kind="organization" label={t('agreements:field.organization')} value={organization} exclude={[]}
              onChange={(id) => { setOrganization(id); setOrganizationError(null); form.setFieldValue('projectId', null); }} error={organizationError} />
          )}
          {locked && <Alert color="gray">{t('agreements:form.lockedHint')}</Alert>}
          <AgreementFields form={form} organizationId={organization} locked={locked} />
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{t('common:action.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
