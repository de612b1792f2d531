import { IconChevronDown, IconColumns, IconLayoutList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { deferred } from '@web/app/deferred';
import { withTexts } from '@web/app/i18n';
import { ToolButtonPlaceholder } from '@web/components/tool-button.component';

// A list page's menus load after its rows have shown (see deferred); meanwhile each placeholder
// takes the same room, so neither the rows nor anything else moves when they arrive.

function SavedViewsPlaceholder() {
  const { t } = useTranslation();
  return <ToolButtonPlaceholder icon={<IconLayoutList size={16} />} rightSection={<IconChevronDown size={14} />}>{t('views:pick')}</ToolButtonPlaceholder>;
}

function ColumnsPlaceholder() {
  const { t } = useTranslation();
  return <ToolButtonPlaceholder icon={<IconColumns size={16} />}>{t('views:columns')}</ToolButtonPlaceholder>;
}

/** Saved views of a list (any key of savedViewLists). */
export const SavedViewsMenu = deferred(async () => (await withTexts(['views'], () => import('@web/features/saved-views/saved-views-menu.component'))).SavedViewsMenu, SavedViewsPlaceholder);

/** Which of a table's columns show. */
export const ColumnPicker = deferred(async () => (await withTexts(['views'], () => import('./column-picker.component'))).ColumnPicker, ColumnsPlaceholder);
