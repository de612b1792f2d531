import type { EmailPreview } from '@contract/emails';
import { Alert, Anchor, Button, Checkbox, FileButton, Group, Modal, MultiSelect, Paper, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconEye, IconPencil, IconSend, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { notifications } from '@web/components/notifications';
import { useCurrentUser } from '@web/features/auth/session';
import { useDocuments } from '@web/features/documents/use-documents';
import { useUploadDocument } from '@web/features/documents/use-upload-document';
import { HtmlEditor, type HtmlEditorHandle } from './html-editor.component';
import { MergeFieldPicker } from './merge-fields.component';
import { usePreviewEmail, useRecipientOptions, useSendEmail } from './use-send-email';
import { useTemplates } from './use-templates';

export type ComposeTarget = {
  accountId: string;
  /** A contact person of the account the message is about (fills `contact.*`). */
  contactId?: string | null;
  requestId?: string | null;
  /** A campaign whose member the account is: the message counts in the campaign's mail. */
  campaignId?: string | null;
  /** An opportunity of the organization: the message shows on its timeline too. */
  opportunityId?: string | null;
  /** Addresses filled in at the start (the contact's, say). */
  to?: string[];
};

/** Writes and sends an e-mail from a record: recipients from it and its contacts, a template, attachments, a preview. */
export function ComposeModal({ target, onClose }: { target: ComposeTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const options = useRecipientOptions(target.accountId);
  const templates = useTemplates();
  const documents = useDocuments(target.accountId);
  const upload = useUploadDocument(target.accountId);
  const preview = usePreviewEmail();
  const send = useSendEmail();
  const editor = useRef<HtmlEditorHandle | null>(null);
  const [to, setTo] = useState<string[]>(target.to ?? []);
  const [cc, setCc] = useState<string[]>([]);
  const [bcc, setBcc] = useState<string[]>([]);
  const [copies, setCopies] = useState(false);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [html, setHtml] = useState('');
  const [initialHtml, setInitialHtml] = useState('');
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  const [isPrivate, setPrivate] = useState(false);
  const [trackOpens, setTrackOpens] = useState(false);
  const [shown, setShown] = useState<EmailPreview | null>(null);

  const addresses = (options.data?.items ?? []).map((item) => item.address);
  const standing = new Map((options.data?.items ?? []).map((item) => [item.address, item.status]));
  const warned = [...to, ...cc, ...bcc].filter((address) => standing.get(address) && standing.get(address) !== 'ok');
  const docs = (documents.data?.pages ?? []).flatMap((page) => page.items);
  const contactName = (options.data?.items ?? []).find((item) => item.contactId === target.contactId)?.name ?? (options.data?.items ?? [])[0]?.name ?? '';

  const pickTemplate = (id: string | null) => {
    setTemplateId(id);
    const template = (templates.data?.items ?? []).find((item) => item.id === id);
    const content = template ? (template[me.language] ?? template.es ?? template.en) : null;
    if (!content) return;
    setSubject(content.subject);
    setHtml(content.html);
    setInitialHtml(content.html);
    setShown(null);
  };
  const showPreview = () => preview.mutate({ accountId: target.accountId, contactId: target.contactId ?? null, campaignId: target.campaignId ?? null, subject, html }, { onSuccess: setShown });
  const edit = () => {
    setShown(null);
    setInitialHtml(html);
  };
  const submit = () => preview.mutate({ accountId: target.accountId, contactId: target.contactId ?? null, campaignId: target.campaignId ?? null, subject, html }, {
    onSuccess: (rendered) => {
      // A field that cannot be filled is shown, never sent as braces.
      if (rendered.unresolved.length > 0) {
        setShown(rendered);
        return;
      }
      send.mutate({
        accountId: target.accountId, contactId: target.contactId ?? null, requestId: target.requestId ?? null, opportunityId: target.opportunityId ?? null, campaignId: target.campaignId ?? null, to, cc, bcc, subject, html,
        attachmentIds, private: isPrivate, trackOpens,
      }, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('mail:compose.sent') });
          onClose();
        },
      });
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('mail:compose.title')} size="xl" fullScreen={window.innerWidth < 600}>
      <form onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <TagsInput label={t('mail:compose.to')} placeholder={t('mail:compose.recipientPlaceholder')} data={addresses} value={to} onChange={setTo} clearable required />
          {copies ? (
            <>
              <TagsInput label={t('mail:compose.cc')} data={addresses} value={cc} onChange={setCc} clearable />
              <TagsInput label={t('mail:compose.bcc')} data={addresses} value={bcc} onChange={setBcc} clearable />
            </>
          ) : (
            <Anchor component="button" type="button" size="sm" onClick={() => setCopies(true)} style={{ alignSelf: 'flex-start' }}>{t('mail:compose.showCopies')}</Anchor>
          )}
          {warned.map((address) => (
            <Text key={address} size="xs" c="orange">{address}: {t(standing.get(address) === 'bounced' ? 'mail:compose.bounced' : 'mail:compose.unsubscribed')}</Text>
          ))}
          <Select
            label={t('mail:compose.template')} placeholder={t('mail:compose.noTemplate')} clearable value={templateId} onChange={pickTemplate}
            data={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: template.name }))}
          />
          <TextInput label={t('mail:compose.subject')} value={subject} onChange={(event) => setSubject(event.currentTarget.value)} required maxLength={300} />
          {shown ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>{t('mail:compose.previewFor', { name: contactName })}</Text>
              {shown.unresolved.length > 0 && <Alert color="red" data-testid="compose-unresolved">{t('mail:compose.unresolved', { fields: shown.unresolved.join(', ') })}</Alert>}
              <Paper withBorder p="sm">
                <Text fw={600} size="sm" mb="xs">{shown.subject}</Text>
                <iframe title={t('mail:compose.preview')} sandbox="" srcDoc={shown.html} style={{ width: '100%', minHeight: 200, border: 0 }} />
              </Paper>
            </Stack>
          ) : (
            <>
              <HtmlEditor label={t('mail:compose.body')} initialHtml={initialHtml} onChange={setHtml} editorRef={editor} />
              <MergeFieldPicker withCampaign={Boolean(target.campaignId)} onPick={(field) => editor.current?.insertText(field)} />
            </>
          )}
          <Group align="flex-end" gap="xs" wrap="wrap">
            <MultiSelect
              label={t('mail:compose.attachments')} description={t('mail:compose.attachmentsHelp')} style={{ flex: 1, minWidth: 220 }}
              data={docs.map((document) => ({ value: document.id, label: document.name }))} value={attachmentIds} onChange={setAttachmentIds} clearable
            />
            <FileButton onChange={(file) => file && upload.mutate(file, { onSuccess: (document) => setAttachmentIds((ids) => [...ids, document.id]) })}>
              {(props) => <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={upload.isPending}>{t('mail:compose.upload')}</Button>}
            </FileButton>
          </Group>
          <Checkbox label={t('mail:compose.private')} checked={isPrivate} onChange={(event) => setPrivate(event.currentTarget.checked)} />
          <Checkbox label={t('mail:compose.trackOpens')} checked={trackOpens} onChange={(event) => setTrackOpens(event.currentTarget.checked)} />
          <ErrorAlert error={upload.error ?? preview.error ?? send.error} />
          <Group justify="space-between" wrap="wrap">
            {shown ? (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit}>{t('mail:compose.edit')}</Button>
            ) : (
              <Button variant="default" leftSection={<IconEye size={16} />} onClick={showPreview} loading={preview.isPending}>{t('mail:compose.preview')}</Button>
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button type="submit" leftSection={<IconSend size={16} />} loading={send.isPending} disabled={to.length === 0 || (shown?.unresolved.length ?? 0) > 0}>
                {t('mail:compose.send')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
