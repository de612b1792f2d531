import type { ViewListKey } from '@contract/saved-views';
import type { ListText } from './use-list-url';
import { ColumnPicker, SavedViewsMenu } from './list-tools.component';

type Props = {
  list: ViewListKey;
  /** The list page's URL (useListUrl). */
  url: {
    text: ListText;
    columns: readonly string[];
    viewId: string | null;
    set: (changes: { view?: null; cols?: string }) => void;
    replace: (query: Record<string, string | undefined>, columns: readonly string[], view: string | null) => void;
  };
  /** Every column a user may show, and each one's header. */
  columns: readonly string[];
  label: (column: string) => string;
  compact: boolean;
};

/** A list's saved views and, from tablet width up, its column choice: the end of the filter bar's line. */
export function ViewTools({ list, url, columns, label, compact }: Props) {
  return (
    <>
      <SavedViewsMenu
        list={list}
        activeId={url.viewId}
        current={{ query: url.text, columns: url.columns }}
        onPick={(view) => (view ? url.replace(view.query, view.columns, view.id) : url.set({ view: null }))}
      />
      {!compact && <ColumnPicker columns={columns} label={label} value={url.columns} onChange={(picked) => url.set({ cols: picked.join(',') })} />}
    </>
  );
}
