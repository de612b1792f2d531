import type { CampaignMember } from '@contract/campaigns';
import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@web/components/form-actions.component';
import { serverFormErrors } from '@web/components/form-errors';
import { AssigneeConfirm } from '@web/features/activities/assignee-confirm.component';
import { useAssigneeConfirm } from '@web/features/activities/use-assignee-confirm';
import { useUserOptions } from '@web/features/users/use-user-options';
import { useUpdateMember } from './use-members';

type Values = { responsibleId: string | null; note: string };

/** Who works a member and the note about them; a responsible who does not see the account is asked about first. */
export function MemberEditModal({ member, onClose }: { member: CampaignMember; onClose: () => void }) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const update = useUpdateMember(member.campaignId);
  const assignee = useAssigneeConfirm();
  const form = useForm<Values>({ initialValues: { responsibleId: member.responsible?.id ?? null, note: member.note ?? '' }, onValuesChange: () => assignee.close() });
  const send = (values: Values, addAssigneeAsOwner: boolean) => {
    assignee.close();
    update.mutate(
      { id: member.id, version: member.version, responsibleId: values.responsibleId, note: values.note, addAssigneeAsOwner },
      { onSuccess: onClose, onError: (error) => { if (!assignee.ask(error)) form.setErrors(serverFormErrors(error)); } },
    );
  };
  const userData = (users.data?.items ?? []).filter((user) => user.active || user.id === form.values.responsibleId).map((user) => ({ value: user.id, label: user.name }));
  const responsibleName = userData.find((user) => user.value === form.values.responsibleId)?.label ?? '';
  return (
    <Modal opened onClose={onClose} title={t('campaigns:member.editTitle', { name: member.account.name })} centered>
      <form onSubmit={form.onSubmit((values) => send(values, false))} noValidate>
        <Stack gap="sm">
          <Select label={t('campaigns:member.responsibleField')} data={userData} searchable clearable comboboxProps={{ withinPortal: true }} {...form.getInputProps('responsibleId')} />
          <Textarea label={t('campaigns:member.note')} autosize minRows={2} maxRows={8} maxLength={2000} {...form.getInputProps('note')} />
          {assignee.asking && <AssigneeConfirm name={responsibleName} pending={update.isPending} onConfirm={() => send(form.getValues(), true)} onCancel={assignee.close} />}
          <FormActions error={assignee.shown(update.error)} pending={update.isPending} submitLabel={t('common:action.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
