import type { EmailTemplate } from '@contract/emails';
import type { Language } from '@contract/common';
import { Button, Checkbox, Group, Modal, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { HtmlEditor, type HtmlEditorHandle } from './html-editor.component';
import { MergeFieldPicker } from './merge-fields.component';
import { useSaveTemplate } from './use-templates';

type Draft = { enabled: boolean; subject: string; html: string; initialHtml: string };
const draftOf = (content: { subject: string; html: string } | null): Draft =>
  ({ enabled: content !== null, subject: content?.subject ?? '', html: content?.html ?? '', initialHtml: content?.html ?? '' });

/** Writes a template: a name, and a Spanish and/or English version with merge fields. */
export function TemplateModal({ template, onClose }: { template: EmailTemplate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const [name, setName] = useState(template?.name ?? '');
  const [drafts, setDrafts] = useState<Record<Language, Draft>>({ es: draftOf(template?.es ?? null), en: draftOf(template?.en ?? null) });
  const [tab, setTab] = useState<Language>('es');
  const [focused, setFocused] = useState<'subject' | 'body'>('body');
  const editors = useRef<Partial<Record<Language, HtmlEditorHandle | null>>>({});
  const update = (language: Language, patch: Partial<Draft>) => setDrafts((current) => ({ ...current, [language]: { ...current[language], ...patch } }));
  const contentOf = (draft: Draft) => (draft.enabled ? { subject: draft.subject, html: draft.html } : null);
  const noLanguage = !drafts.es.enabled && !drafts.en.enabled;

  const submit = () => {
    const body = { name, es: contentOf(drafts.es), en: contentOf(drafts.en) };
    save.mutate(template ? { id: template.id, body: { ...body, version: template.version } } : { id: null, body }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={template ? t('mail:templates.edit', { name: template.name }) : t('mail:templates.new')} size="xl" fullScreen={window.innerWidth < 600}>
      <form onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <TextInput label={t('mail:templates.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} required maxLength={120} />
          <Tabs value={tab} onChange={(value) => setTab(value === 'en' ? 'en' : 'es')}>
            <Tabs.List>
              <Tabs.Tab value="es">{t('mail:templates.spanish')}</Tabs.Tab>
              <Tabs.Tab value="en">{t('mail:templates.english')}</Tabs.Tab>
            </Tabs.List>
            {(['es', 'en'] as const).map((language) => (
              <Tabs.Panel key={language} value={language} pt="sm">
                <Stack gap="sm">
                  <Checkbox label={t('mail:templates.useLanguage')} checked={drafts[language].enabled} onChange={(event) => update(language, { enabled: event.currentTarget.checked })} />
                  {drafts[language].enabled && (
                    <>
                      <TextInput
                        label={t('mail:templates.subject')} value={drafts[language].subject} required maxLength={300}
                        onFocus={() => setFocused('subject')} onChange={(event) => update(language, { subject: event.currentTarget.value })}
                      />
                      <div onFocus={() => setFocused('body')}>
                        <HtmlEditor
                          label={t('mail:templates.body')} initialHtml={drafts[language].initialHtml}
                          onChange={(html) => update(language, { html })} editorRef={(handle) => { editors.current[language] = handle; }}
                        />
                      </div>
                      <MergeFieldPicker
                        onPick={(field) => (focused === 'subject'
                          ? update(language, { subject: `${drafts[language].subject}${field}` })
                          : editors.current[language]?.insertText(field))}
                      />
                    </>
                  )}
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
          {noLanguage && <Text c="red" size="sm">{t('mail:templates.needOne')}</Text>}
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={save.isPending} disabled={noLanguage}>{t('mail:templates.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
