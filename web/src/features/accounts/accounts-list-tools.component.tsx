import { IconNumbers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { deferred } from '@web/app/deferred';
import { withTexts } from '@web/app/i18n';
import { deferredFilters } from '@web/components/list-kit/list-filters.component';
import { ToolButtonPlaceholder } from '@web/components/tool-button.component';
import { accountFilterKeys } from './account-list-url';

// The list page's menus and filters load after its rows have shown (see deferred); meanwhile each
// placeholder takes the same room, so neither the rows nor anything else moves when they arrive.

function CountersPlaceholder({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  return <ToolButtonPlaceholder icon={<IconNumbers size={16} />} compact={compact}>{t('company:counters.menu')}</ToolButtonPlaceholder>;
}

export { ExportMenu } from '@web/features/exports/deferred-export-menu.component';
export const CounterColumnsMenu = deferred(async () => (await withTexts(['company'], () => import('./counter-columns-menu.component'))).CounterColumnsMenu, CountersPlaceholder);
export const AccountFilters = deferredFilters(
  async () => (await withTexts(['company', 'links', 'views'], () => import('./account-filters.component'))).AccountFilters,
  { search: true, primary: 3, keys: accountFilterKeys },
);
