import { Checkbox, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import { DateTimeField } from '@web/components/date-field.component';

export type RequestValues = {
  requestedAt: string;
  interest: string | null;
  group: string | null;
  channel: string | null;
  source: string | null;
  status: string | null;
  handled: boolean;
  reason: string;
  notes: string;
  responsibleId: string | null;
};

/**
 * The request's fields, shared by "new lead" and "add request"; `prefix` names them inside a
 * bigger form, `responsibleHint` says what choosing a responsible does there.
 */
export function RequestFields<V>({ form, prefix = '', responsibleHint }: { form: UseFormReturnType<V>; prefix?: string; responsibleHint?: string }) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const path = (name: keyof RequestValues) => `${prefix}${name}`;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <ListSelect listKey="request_interest" label={t('requests:field.interest')} description={t('requests:lead.interestHint')} {...form.getInputProps(path('interest'))} />
        <ListSelect listKey="request_status" label={t('requests:field.status')} {...form.getInputProps(path('status'))} />
        <ListSelect listKey="request_group" label={t('requests:field.group')} {...form.getInputProps(path('group'))} />
        <ListSelect listKey="request_channel" label={t('requests:field.channel')} {...form.getInputProps(path('channel'))} />
        <ListSelect listKey="source" label={t('requests:field.source')} {...form.getInputProps(path('source'))} />
        <DateTimeField label={t('requests:field.requestedAt')} {...form.getInputProps(path('requestedAt'))} />
        <Select
          label={t('requests:field.responsible')}
          description={responsibleHint}
          searchable
          clearable
          data={(users.data?.items ?? []).filter((user) => user.active).map((user) => ({ value: user.id, label: user.name }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps(path('responsibleId'))}
        />
        <TextInput label={t('requests:field.reason')} {...form.getInputProps(path('reason'))} />
      </SimpleGrid>
      <Textarea label={t('requests:field.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps(path('notes'))} />
      <Checkbox label={t('requests:field.handled')} {...form.getInputProps(path('handled'), { type: 'checkbox' })} />
    </Stack>
  );
}
