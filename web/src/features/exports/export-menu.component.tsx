import { Menu } from '@mantine/core';
import { notifications } from '@web/components/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '@contract/exports';
import { apiDownload, buildUrl, isApiError } from '@web/app/api-client';
import { ToolButton } from '@web/components/tool-button.component';

type Props = {
  /** The list's filters and sort, as the list endpoint takes them. */
  filters: Record<string, string | undefined>;
  compact?: boolean;
  /** Ticked rows: only these are exported (still within the portfolio). */
  ids?: readonly string[];
  testId?: string;
};

const formats: Array<{ format: ExportFormat; icon: typeof IconFileTypeCsv }> = [
  { format: 'csv', icon: IconFileTypeCsv },
  { format: 'xlsx', icon: IconFileSpreadsheet },
];

/**
 * Export of the list being viewed, or of the ticked rows. A list is a plain download link: the
 * server streams the file with the same filters and portfolio as the list, so the browser never
 * holds it in memory, however long. Ticked rows go in a POST body (a URL holds only a few hundred
 * ids) and the answer, at most a few thousand rows, is saved from memory.
 */
export function ExportMenu({ filters, compact, ids, testId = 'export-menu' }: Props) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const selection = ids && ids.length > 0 ? ids : null;
  const saveSelection = async (format: ExportFormat, chosen: readonly string[]) => {
    setSaving(true);
    try {
      await apiDownload('/exports/accounts', { format, sort: filters.sort, ids: chosen });
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
        <Menu.Label>{t('accounts:export.help')}</Menu.Label>
        {formats.map(({ format, icon: Icon }) =>
          selection ? (
            <Menu.Item key={format} leftSection={<Icon size={16} />} onClick={() => void saveSelection(format, selection)}>
              {t(`accounts:export.${format}`)}
            </Menu.Item>
          ) : (
            <Menu.Item key={format} component="a" href={buildUrl('/exports/accounts', { ...filters, format })} download leftSection={<Icon size={16} />}>
              {t(`accounts:export.${format}`)}
            </Menu.Item>
          ),
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
