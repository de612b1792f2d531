import type { EmailBulkPreview, EmailBulkRequest, EmailBulkSelection } from '@contract/emails';
import { Alert, Button, Checkbox, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useCurrentUser } from '@web/features/auth/session';
import { HtmlEditor, type HtmlEditorHandle } from './html-editor.component';
import { MergeFieldPicker } from './merge-fields.component';
import { useFollowBulk, usePreviewBulk, useStartBulk } from './use-bulk-mail';
import { useTemplates } from './use-templates';

type Props = {
  selection: EmailBulkSelection; title: string; onClose: () => void; onStarted?: () => void;
  /** Controls of the selection itself (a campaign's member statuses), shown first; changing it asks for a new count. */
  children?: ReactNode;
};

/** A bulk send: the message (a template or written here), the recipient count with who is left out, then confirm. */
export function BulkMailModal({ selection, title, onClose, onStarted, children }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const templates = useTemplates();
  const preview = usePreviewBulk();
  const start = useStartBulk();
  const follow = useFollowBulk();
  const editor = useRef<HtmlEditorHandle | null>(null);
  const [mode, setMode] = useState<'template' | 'write'>('template');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [html, setHtml] = useState('');
  const [includeContacts, setIncludeContacts] = useState(false);
  const [trackOpens, setTrackOpens] = useState(false);
  const [countedAs, setCounted] = useState<{ selection: string; preview: EmailBulkPreview } | null>(null);
  // A count is for the selection it was made with.
  const selectionKey = JSON.stringify(selection);
  const counted = countedAs?.selection === selectionKey ? countedAs.preview : null;

  const content = mode === 'template' ? (templateId ? { templateId } : null) : subject.trim() && html.trim() ? { subject, html, language: me.language } : null;
  const request: EmailBulkRequest | null = content ? { selection, includeContacts, content, trackOpens } : null;
  const changed = <T,>(set: (value: T) => void) => (value: T) => { set(value); setCounted(null); };

  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={window.innerWidth < 600}>
      <Stack gap="sm">
        {children}
        <Checkbox label={t('mail:bulk.includeContacts')} checked={includeContacts} onChange={(event) => changed(setIncludeContacts)(event.currentTarget.checked)} />
        <SegmentedControl
          value={mode} onChange={(value) => changed(setMode)(value === 'write' ? 'write' : 'template')}
          data={[{ value: 'template', label: t('mail:bulk.useTemplate') }, { value: 'write', label: t('mail:bulk.writeNew') }]}
        />
        {mode === 'template' ? (
          <Select
            label={t('mail:compose.template')} value={templateId} onChange={changed(setTemplateId)} allowDeselect={false}
            data={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: template.name }))}
          />
        ) : (
          <>
            <TextInput label={t('mail:compose.subject')} value={subject} onChange={(event) => changed(setSubject)(event.currentTarget.value)} maxLength={300} />
            <HtmlEditor label={t('mail:compose.body')} initialHtml="" onChange={changed(setHtml)} editorRef={editor} />
            <MergeFieldPicker withCampaign={'campaignId' in selection} onPick={(field) => editor.current?.insertText(field)} />
          </>
        )}
        <Checkbox label={t('mail:compose.trackOpens')} checked={trackOpens} onChange={(event) => changed(setTrackOpens)(event.currentTarget.checked)} />
        {counted && (
          <Alert color={counted.recipients > 0 ? 'blue' : 'yellow'} data-testid="bulk-mail-count">
            <Text size="sm" fw={600}>{t('mail:bulk.recipients', { count: counted.recipients })}</Text>
            <Text size="sm">{t('mail:bulk.left', counted)}</Text>
            {counted.unresolvedFields.length > 0 && <Text size="sm">{t('mail:bulk.unresolvedFields', { fields: counted.unresolvedFields.join(', ') })}</Text>}
          </Alert>
        )}
        {counted?.sample && (
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">{t('mail:bulk.sample', { address: counted.sample.address })}</Text>
            <Text size="sm" fw={600}>{counted.sample.subject}</Text>
            <iframe title={t('mail:compose.preview')} sandbox="" srcDoc={counted.sample.html} style={{ width: '100%', minHeight: 160, border: 0 }} />
          </Paper>
        )}
        <ErrorAlert error={preview.error ?? start.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
          {counted ? (
            <Button
              disabled={!request || counted.recipients === 0} loading={start.isPending}
              onClick={() => request && start.mutate(request, { onSuccess: (started) => { onStarted?.(); onClose(); void follow(started.bulkId, counted.recipients); } })}
            >
              {t('mail:bulk.send', { count: counted.recipients })}
            </Button>
          ) : (
            <Button disabled={!request} loading={preview.isPending} onClick={() => request && preview.mutate(request, { onSuccess: (found) => setCounted({ selection: selectionKey, preview: found }) })}>{t('mail:bulk.count')}</Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
