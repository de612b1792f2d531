import { agreementMergeFieldKeys, agreementTemplateCreateSchema, type AgreementTemplate } from '@contract/agreement-templates';
import { languages } from '@contract/common';
import { Badge, Button, Group, Modal, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { useSaveAgreementTemplate } from './use-agreement-templates';

/** Writes a template: a name, its language, and its text with merge fields inserted at the cursor. */
export function AgreementTemplateModal({ template, onClose }: { template: AgreementTemplate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAgreementTemplate();
  const body = useRef<HTMLTextAreaElement>(null);
  const form = useForm({
    initialValues: { name: template?.name ?? '', language: template?.language ?? 'es', body: template?.body ?? '', active: template?.active ?? true },
    validate: (values) => validatePayload(agreementTemplateCreateSchema, values),
  });
  const insert = (key: string) => {
    const element = body.current;
    const text = `{{${key}}}`;
    const at = element?.selectionStart ?? form.values.body.length;
    form.setFieldValue('body', `${form.values.body.slice(0, at)}${text}${form.values.body.slice(element?.selectionEnd ?? at)}`);
  };
  const submit = form.onSubmit((values) => {
    const input = agreementTemplateCreateSchema.parse(values);
    const done = { onSuccess: onClose, onError: (error: unknown) => form.setErrors(serverFormErrors(error)) };
    if (template) save.mutate({ id: template.id, patch: { version: template.version, ...input } }, done);
    else save.mutate({ create: input }, done);
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={t(template ? 'agreements:templates.edit' : 'agreements:templates.new')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('agreements:templates.name')} required maxLength={120} style={{ minWidth: 200 }} {...form.getInputProps('name')} />
            <Select label={t('agreements:templates.language')} allowDeselect={false} comboboxProps={{ withinPortal: true }} style={{ minWidth: 140 }}
              data={languages.map((language) => ({ value: language, label: t(`agreements:language.${language}`) }))} {...form.getInputProps('language')} />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('agreements:templates.fields')}</Text>
            <Text size="xs" c="dimmed">{t('agreements:templates.fieldsHint', { example: '{{customer.taxId|—}}' })}</Text>
            <Group gap={4}>
              {agreementMergeFieldKeys.map((key) => (
                <Badge key={key} component="button" type="button" variant="light" style={{ cursor: 'pointer', textTransform: 'none' }} onClick={() => insert(key)}>
                  {t(`agreements:mergeField.${key}`)}
                </Badge>
              ))}
            </Group>
          </Stack>
          <Textarea ref={body} label={t('agreements:templates.body')} required autosize minRows={10} maxRows={24} {...form.getInputProps('body')} />
          <Switch label={t('agreements:templates.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('common:action.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
