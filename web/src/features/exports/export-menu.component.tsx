import { Menu } from '@mantine/core';
import { notifications } from '@web/components/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvSeparator, ExportFormat } from '@contract/exports';
import { apiDownload, buildUrl, isApiError } from '@web/app/api-client';
import { ToolButton } from '@web/components/tool-button.component';

type Props = {
  /** The list's filters and sort, as the list endpoint takes them. */
  filters: Record<string, string | undefined>;
  compact?: boolean;
  /** Ticked rows: only these are exported (still within the portfolio). */
  ids?: readonly string[];
  testId?: string;
  /** The export endpoint of the list (accounts unless another list says so). */
  path?: string;
  /** What the file holds, as the menu says it (the accounts list's wording unless given). */
  help?: string;
};

type Choice = { key: string; format: ExportFormat; separator?: CsvSeparator; icon: typeof IconFileTypeCsv };

/** Excel first; then CSV with the separator Excel expects in the reader's language (semicolons in Spanish) before the other. */
function choicesFor(language: string): Choice[] {
  const semicolon: Choice = { key: 'csvSemicolon', format: 'csv', separator: 'semicolon', icon: IconFileTypeCsv };
  const comma: Choice = { key: 'csvComma', format: 'csv', separator: 'comma', icon: IconFileTypeCsv };
  const xlsx: Choice = { key: 'xlsx', format: 'xlsx', icon: IconFileSpreadsheet };
  return language.startsWith('es') ? [xlsx, semicolon, comma] : [xlsx, comma, semicolon];
}

/** The browser's time zone: Cartera shows dates on the browser's clock, so the file's dates read the same. */
const browserTimeZone = (): string | undefined => Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;

/**
 * Export of the list being viewed, or of the ticked rows. A list is a plain download link: the
 * server streams the file with the same filters and portfolio as the list, so the browser never
 * holds it in memory, however long. Ticked rows go in a POST body (a URL holds only a few hundred
 * ids) and the answer, at most a few thousand rows, is saved from memory.
 */
export function ExportMenu({ filters, compact, ids, testId = 'export-menu', path = '/exports/accounts', help }: Props) {
  const { t, i18n } = useTranslation();
  const [saving, setSaving] = useState(false);
  const selection = ids && ids.length > 0 ? ids : null;
  const timeZone = browserTimeZone();
  const saveSelection = async (choice: Choice, chosen: readonly string[]) => {
    setSaving(true);
    try {
      await apiDownload(path, { format: choice.format, separator: choice.separator, timeZone, sort: filters.sort, ids: chosen });
    } catch (error) {
      notifications.show({ color: 'red', message: isApiError(error) && error.message ? error.message : t('common:error.unexpected') });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ToolButton icon={<IconDownload size={16} />} compact={compact} loading={saving} data-testid={testId}>
          {t('accounts:export.button')}
        </ToolButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{help ?? t('accounts:export.help')}</Menu.Label>
        {choicesFor(i18n.language).map((choice) => {
          const Icon = choice.icon;
          const label = t(`accounts:export.${choice.key}`);
          return selection ? (
            <Menu.Item key={choice.key} leftSection={<Icon size={16} />} onClick={() => void saveSelection(choice, selection)}>
              {label}
            </Menu.Item>
          ) : (
            <Menu.Item
              key={choice.key}
              component="a"
              href={buildUrl(path, { ...filters, format: choice.format, separator: choice.separator, timeZone })}
              download
              leftSection={<Icon size={16} />}
            >
              {label}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
