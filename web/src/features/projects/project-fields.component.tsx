import { projectStatuses } from '@contract/projects';
import { MultiSelect, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import type { ProjectFormValues } from './project-form-values';

/** A project's fields: the project form's, and the new-company form's start project (seed 003). */
export function ProjectFields({ form }: { form: UseFormReturnType<ProjectFormValues> }) {
  const { t } = useTranslation();
  const users = useUserOptions();
  return (
    <>
      <TextInput label={t('projects:field.name')} required {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select label={t('projects:field.status')} allowDeselect={false} comboboxProps={{ withinPortal: true }}
          data={projectStatuses.map((status) => ({ value: status, label: t(`projects:status.${status}`) }))} {...form.getInputProps('status')} />
        <MultiSelect label={t('projects:field.responsibles')} searchable comboboxProps={{ withinPortal: true }}
          data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))} {...form.getInputProps('responsibleIds')} />
        <DateField label={t('projects:field.startOn')} value={form.values.startOn} onChange={(value) => form.setFieldValue('startOn', value)} error={form.errors.startOn} />
        <DateField label={t('projects:field.endOn')} value={form.values.endOn} onChange={(value) => form.setFieldValue('endOn', value)} error={form.errors.endOn} />
        <TextInput label={t('projects:field.budget')} inputMode="decimal" {...form.getInputProps('budget')} />
        <TextInput label={t('projects:field.currency')} maxLength={3} {...form.getInputProps('currency')}
          onChange={(event) => form.setFieldValue('currency', event.currentTarget.value.toUpperCase())} />
      </SimpleGrid>
      <Textarea label={t('projects:field.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
    </>
  );
}
