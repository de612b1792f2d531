import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '@web/app/api-client';

type Props = {
  /** The list's filters and sort, as the list endpoint takes them. */
  filters: Record<string, string | undefined>;
  compact?: boolean;
  /** Ticked rows: only these are exported (still within the portfolio). */
  ids?: readonly string[];
  testId?: string;
};

/**
 * Export of the list being viewed. A plain download link: the server streams the file with the
 * same filters and portfolio as the list, so the browser never holds it in memory.
 */
export function ExportMenu({ filters, compact, ids, testId = 'export-menu' }: Props) {
  const { t } = useTranslation();
  const href = (format: 'csv' | 'xlsx') => buildUrl('/exports/accounts', { ...filters, ids: ids && ids.length > 0 ? ids.join(',') : undefined, format });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} size={compact ? 'xs' : 'sm'} data-testid={testId}>
          {t('accounts:export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('accounts:export.help')}</Menu.Label>
        <Menu.Item component="a" href={href('csv')} download leftSection={<IconFileTypeCsv size={16} />}>
          {t('accounts:export.csv')}
        </Menu.Item>
        <Menu.Item component="a" href={href('xlsx')} download leftSection={<IconFileSpreadsheet size={16} />}>
          {t('accounts:export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
