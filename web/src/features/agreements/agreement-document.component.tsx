import type { Agreement } from '@contract/agreements';
import { Anchor, Button, FileButton, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileText, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useUploadDocument } from '@web/features/documents/use-upload-document';
import { useAgreementTemplates } from './use-agreement-templates';
import { useGenerateAgreement, useUpdateAgreement } from './use-agreements';

/**
 * The agreement's document: a download, and while it is a draft, an upload (a document of its
 * organization and project, made its document) or a PDF generated from a template.
 */
export function AgreementDocument({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const draft = agreement.status === 'draft';
  const upload = useUploadDocument(agreement.organization.id, { projectId: agreement.project?.id });
  const update = useUpdateAgreement(agreement.id);
  const generate = useGenerateAgreement(agreement.id);
  const templates = useAgreementTemplates();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const onFile = (file: File | null) => {
    if (!file) return;
    upload.mutate(file, { onSuccess: (document) => update.mutate({ version: agreement.version, documentId: document.id }) });
  };
  return (
    <Paper withBorder p="md" data-testid="agreement-document">
      <Stack gap="sm">
        <Text fw={600}>{t('agreements:field.document')}</Text>
        {agreement.document ? (
          <Group gap="xs" wrap="nowrap">
            <IconFileText size={18} style={{ flexShrink: 0 }} />
            <Anchor href={agreement.document.downloadUrl} download style={{ overflowWrap: 'anywhere' }}>
              <Group gap={4} component="span" wrap="nowrap"><IconDownload size={14} />{agreement.document.name}</Group>
            </Anchor>
            {agreement.templateId && <Text size="xs" c="dimmed">{t('agreements:document.generated')}</Text>}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">{t('agreements:document.none')}</Text>
        )}
        {draft ? (
          <Group gap="xs" align="flex-end">
            <FileButton onChange={onFile}>
              {(props) => <Button variant="default" leftSection={<IconUpload size={16} />} loading={upload.isPending || update.isPending} {...props}>{t('agreements:action.upload')}</Button>}
            </FileButton>
            <Select label={t('agreements:document.template')} placeholder={t('agreements:action.generate')} data={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: template.name }))}
              value={templateId} onChange={setTemplateId} comboboxProps={{ withinPortal: true }} style={{ flex: '1 1 200px' }} />
            <Button disabled={!templateId} loading={generate.isPending} onClick={() => templateId && generate.mutate({ version: agreement.version, templateId })}>
              {t('agreements:action.generate')}
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">{t('agreements:document.onlyDraft')}</Text>
        )}
        <ErrorAlert error={upload.error ?? update.error ?? generate.error} />
      </Stack>
    </Paper>
  );
}
