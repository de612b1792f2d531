import { languages } from '@contract/common';
import { Select, SimpleGrid, TextInput, type SelectProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useProjects } from '@web/features/projects/use-projects';
import { useUserOptions } from '@web/features/users/use-user-options';
import type { AgreementFormValues } from './agreement-form-values';

/** The organization's projects to put the agreement in (the newest hundred). */
function ProjectSelect({ organizationId, ...props }: SelectProps & { organizationId: string }) {
  const projects = useProjects({ organizationId, sort: '-createdAt', limit: 100 });
  const data = (projects.data?.pages.flatMap((page) => page.items) ?? []).map((project) => ({ value: project.id, label: project.name }));
  return <Select clearable searchable comboboxProps={{ withinPortal: true }} data={data} {...props} />;
}

/**
 * An agreement's fields. `locked` (sent or later) greys out what was agreed; the owner, the
 * project and the renewal reminder stay editable.
 */
export function AgreementFields({ form, organizationId, locked }: { form: UseFormReturnType<AgreementFormValues>; organizationId: string | null; locked: boolean }) {
  const { t } = useTranslation();
  const users = useUserOptions();
  return (
    <>
      <TextInput label={t('agreements:field.title')} required disabled={locked} {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <ListSelect listKey="agreement_type" label={t('agreements:field.type')} disabled={locked} value={form.values.type} onChange={(value) => form.setFieldValue('type', value)} error={form.errors.type} />
        <TextInput label={t('agreements:field.reference')} maxLength={60} disabled={locked} {...form.getInputProps('reference')} />
        <DateField label={t('agreements:field.startOn')} disabled={locked} value={form.values.startOn} onChange={(value) => form.setFieldValue('startOn', value)} error={form.errors.startOn} />
        <DateField label={t('agreements:field.endOn')} disabled={locked} value={form.values.endOn} onChange={(value) => form.setFieldValue('endOn', value)} error={form.errors.endOn} />
        <TextInput label={t('agreements:field.value')} inputMode="decimal" disabled={locked} {...form.getInputProps('value')} />
        <TextInput label={t('agreements:field.currency')} maxLength={3} disabled={locked} {...form.getInputProps('currency')}
          onChange={(event) => form.setFieldValue('currency', event.currentTarget.value.toUpperCase())} />
        <Select label={t('agreements:field.language')} allowDeselect={false} disabled={locked} comboboxProps={{ withinPortal: true }}
          data={languages.map((language) => ({ value: language, label: t(`agreements:language.${language}`) }))} {...form.getInputProps('language')} />
        <Select label={t('agreements:field.owner')} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }}
          data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))} {...form.getInputProps('ownerId')} />
        {organizationId && <ProjectSelect organizationId={organizationId} label={t('agreements:field.project')} {...form.getInputProps('projectId')} />}
        <DateField label={t('agreements:field.renewalRemindOn')} description={t('agreements:field.renewalHint')} value={form.values.renewalRemindOn}
          onChange={(value) => form.setFieldValue('renewalRemindOn', value)} error={form.errors.renewalRemindOn} />
      </SimpleGrid>
    </>
  );
}
