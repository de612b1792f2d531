import type { ViewListKey } from '@contract/saved-views';
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

/** What the view tools need of a list's URL (useListUrl's answer). */
type ViewUrl = {
  text: Readonly<Record<string, string | undefined>>;
  columns: readonly string[];
  viewId: string | null;
  set: (changes: { view?: null; cols?: string }) => void;
  replace: (query: Record<string, string | undefined>, cols: readonly string[], view: string | null) => void;
};

/** The filter bar's tools of a list with saved views: the views menu, and the column picker from tablet width up. */
export function ViewTools({ list, url, columns, label, compact }: { list: ViewListKey; url: ViewUrl; columns: readonly string[]; label: (column: string) => string; compact: boolean }) {
  return (
    <>
      <SavedViewsMenu
        list={list}
        activeId={url.viewId}
        current={{ query: url.text, columns: url.columns }}
        onPick={(view) => (view ? url.replace(view.query, view.columns, view.id) : url.set({ view: null }))}
      />
      {!compact && <ColumnPicker columns={columns} label={label} value={url.columns} onChange={(next) => url.set({ cols: next.join(',') })} />}
    </>
  );
}
