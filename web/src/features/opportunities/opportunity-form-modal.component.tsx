import type { Opportunity } from '@contract/opportunities';
import { ActionIcon, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateField } from '@web/components/date-field.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { AccountPicker } from '@web/features/accounts/account-picker.component';
import { useContacts } from '@web/features/accounts/use-contacts';
import { useCurrentUser } from '@web/features/auth/session';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useLists } from '@web/features/lists/use-lists';
import { useUserOptions } from '@web/features/users/use-user-options';
import { amountOf, createPayload, initialValues, updatePayload, type OpportunityFormValues } from './opportunity-form-values';
import { useCreateOpportunity, useUpdateOpportunity } from './use-opportunity-mutations';

type Props = { opportunity?: Opportunity | null; organizationId?: string | null; onClose: () => void };

/** The people rows of a new opportunity: contacts of the chosen organization, each with a role. */
function PeopleRows({ organizationId, form }: { organizationId: string; form: UseFormReturnType<OpportunityFormValues> }) {
  const { t } = useTranslation();
  const contacts = useContacts(organizationId);
  const options = (contacts.data?.items ?? []).map((contact) => ({ value: contact.person.id, label: contact.person.name }));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>{t('opportunities:field.people')}</Text>
      <Text size="xs" c="dimmed">{t('opportunities:form.personHint')}</Text>
      {form.values.people.map((row, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-end" data-testid="person-row">
          <Select
            style={{ flex: 1 }}
            label={t('opportunities:field.person')}
            searchable
            data={options.filter((option) => option.value === row.personId || !form.values.people.some((other) => other.personId === option.value))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps(`people.${index}.personId`)}
          />
          <ListSelect style={{ flex: 1 }} listKey="opportunity_role" label={t('opportunities:field.role')} {...form.getInputProps(`people.${index}.role`)} />
          <ActionIcon variant="subtle" color="red" mb={4} aria-label={t('opportunities:action.remove', { name: options.find((o) => o.value === row.personId)?.label ?? '' })} onClick={() => form.removeListItem('people', index)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} disabled={options.length <= form.values.people.length}
        onClick={() => form.insertListItem('people', { personId: null, role: null })}>
        {t('opportunities:action.addPerson')}
      </Button>
    </Stack>
  );
}

/** Creates an opportunity (on a chosen or given organization, with its people) or edits one. */
export function OpportunityFormModal({ opportunity = null, organizationId = null, onClose }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUserOptions();
  const navigate = useNavigate();
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity(opportunity?.id ?? '');
  const mutation = opportunity ? update : create;
  const form: UseFormReturnType<OpportunityFormValues> = useForm<OpportunityFormValues>({
    initialValues: initialValues(opportunity, organizationId, me.id),
    validate: {
      organizationId: (value) => (value ? null : t('validation:required')),
      name: (value) => (value.trim() ? null : t('validation:required')),
      expectedCloseOn: (value) => (value ? null : t('validation:required')),
      amount: (_value, values) => (amountOf(values) === undefined ? t('validation:invalid') : null),
    },
  });
  const onError = (error: unknown) => form.setErrors(serverFormErrors(error));
  const submit = form.onSubmit((values) => {
    if (opportunity) update.mutate(updatePayload(values, opportunity), { onSuccess: onClose, onError });
    else create.mutate(createPayload(values), { onSuccess: (created) => { onClose(); void navigate(`/opportunities/${created.id}`); }, onError });
  });
  const organization = form.values.organizationId;
  const stages = useLists().data?.lists.opportunity_stage ?? [];
  // A new stage brings its default probability into the field; the user may still type another.
  const chooseStage = (stage: string | null) => {
    form.setFieldValue('stage', stage);
    const probability = stages.find((item) => item.key === stage)?.probability;
    if (probability !== undefined && probability !== null) form.setFieldValue('probability', probability);
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={t(opportunity ? 'opportunities:form.editTitle' : 'opportunities:form.createTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!opportunity && !organizationId && (
            <AccountPicker kind="organization" label={t('opportunities:field.organization')} value={organization}
              onChange={(id) => form.setValues({ organizationId: id, people: [] })} error={form.errors.organizationId} exclude={[]} />
          )}
          <TextInput label={t('opportunities:field.name')} required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('opportunities:field.amount')} inputMode="decimal" {...form.getInputProps('amount')} />
            <TextInput label={t('opportunities:field.currency')} maxLength={3} {...form.getInputProps('currency')} onChange={(event) => form.setFieldValue('currency', event.currentTarget.value.toUpperCase())} />
            <DateField label={t('opportunities:field.expectedCloseOn')} required value={form.values.expectedCloseOn}
              onChange={(value) => form.setFieldValue('expectedCloseOn', value)} error={form.errors.expectedCloseOn} />
            <ListSelect listKey="opportunity_stage" label={t('opportunities:field.stage')} {...form.getInputProps('stage')} onChange={chooseStage} />
            <NumberInput label={t('opportunities:field.probability')} min={0} max={100} allowDecimal={false} {...form.getInputProps('probability')} />
            <Select label={t('opportunities:field.owner')} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }}
              data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))} {...form.getInputProps('ownerId')} />
            <ListSelect listKey="source" label={t('opportunities:field.source')} {...form.getInputProps('source')} />
          </SimpleGrid>
          {!opportunity && organization && <PeopleRows organizationId={organization} form={form} />}
          {opportunity?.status === 'lost' && form.values.stage === opportunity.stage && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <ListSelect listKey="opportunity_lost_reason" label={t('opportunities:field.lostReason')} {...form.getInputProps('lostReason')} />
              <Textarea label={t('opportunities:field.lostNote')} autosize minRows={1} maxRows={4} {...form.getInputProps('lostNote')} />
            </SimpleGrid>
          )}
          <Textarea label={t('opportunities:field.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
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
