import { ActionIcon, Group, Input, Paper } from '@mantine/core';
import { IconBold, IconItalic, IconLink, IconList, IconListNumbers, IconUnderline } from '@tabler/icons-react';
import { useEffect, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type HtmlEditorHandle = { insertText: (text: string) => void };

type Props = {
  label: string;
  /** The starting HTML; a new `key` on the component starts it again (a template picked). */
  initialHtml: string;
  onChange: (html: string) => void;
  editorRef?: Ref<HtmlEditorHandle>;
  error?: string | undefined;
};

// The browser's own editing (contenteditable and its formatting commands) is enough for a message
// body; the server keeps only allowlisted HTML whatever the browser produces. Mantine's tiptap
// editor would add some 300 KB for the same five buttons.
const commands = [
  { command: 'bold', icon: IconBold, label: 'mail:editor.bold' },
  { command: 'italic', icon: IconItalic, label: 'mail:editor.italic' },
  { command: 'underline', icon: IconUnderline, label: 'mail:editor.underline' },
  { command: 'insertUnorderedList', icon: IconList, label: 'mail:editor.bulletList' },
  { command: 'insertOrderedList', icon: IconListNumbers, label: 'mail:editor.numberedList' },
] as const;

/** A small rich-text editor: bold, italic, underline, lists and links. */
export function HtmlEditor({ label, initialHtml, onChange, editorRef, error }: Props) {
  const { t } = useTranslation();
  const area = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (area.current) area.current.innerHTML = initialHtml;
  }, [initialHtml]);

  const changed = () => onChange(area.current?.innerHTML ?? '');
  const run = (command: string, value?: string) => {
    area.current?.focus();
    document.execCommand(command, false, value);
    changed();
  };
  const handle: HtmlEditorHandle = { insertText: (text) => run('insertText', text) };
  if (typeof editorRef === 'function') editorRef(handle);
  else if (editorRef) Reflect.set(editorRef, 'current', handle);

  return (
    <Input.Wrapper label={label} error={error}>
      <Paper withBorder>
        <Group gap={2} p={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          {commands.map(({ command, icon: Icon, label: name }) => (
            <ActionIcon key={command} variant="subtle" color="gray" aria-label={t(name)} onMouseDown={(event) => event.preventDefault()} onClick={() => run(command)}>
              <Icon size={16} />
            </ActionIcon>
          ))}
          <ActionIcon
            variant="subtle" color="gray" aria-label={t('mail:editor.link')} onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              const url = window.prompt(t('mail:editor.linkPrompt'), 'https://');
              if (url && /^(https?:|mailto:)/i.test(url)) run('createLink', url);
            }}
          >
            <IconLink size={16} />
          </ActionIcon>
        </Group>
        <div
          ref={area}
          role="textbox"
          aria-multiline="true"
          aria-label={label}
          contentEditable
          suppressContentEditableWarning
          onInput={changed}
          style={{ minHeight: 160, maxHeight: 360, overflowY: 'auto', padding: 'var(--mantine-spacing-sm)', outline: 'none', overflowWrap: 'anywhere' }}
        />
      </Paper>
    </Input.Wrapper>
  );
}
