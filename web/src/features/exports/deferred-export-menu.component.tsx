import { IconDownload } from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { deferred } from '@web/app/deferred';
import { withTexts } from '@web/app/i18n';
import { ToolButtonPlaceholder } from '@web/components/tool-button.component';
import type { ExportMenu as LoadedExportMenu } from './export-menu.component';

function ExportPlaceholder({ compact }: ComponentProps<typeof LoadedExportMenu>) {
  const { t } = useTranslation();
  return <ToolButtonPlaceholder icon={<IconDownload size={16} />} compact={compact}>{t('accounts:export.button')}</ToolButtonPlaceholder>;
}

/** A list's export menu, loaded after its rows have shown; a placeholder of the same size holds its place. */
export const ExportMenu = deferred(async () => (await withTexts([], () => import('./export-menu.component'))).ExportMenu, ExportPlaceholder);
