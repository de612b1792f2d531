import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@web/components/empty-state.component';

type Props = {
  /** The list's namespace: its `list.empty`, `list.noResults` and `list.clearFilters` texts. */
  ns: string;
  icon: ReactNode;
  /** The list's filter parameters and the URL's text: any of them (or a search) set means filtered. */
  keys: readonly string[];
  text: Readonly<Record<string, string | undefined>>;
  clearFilters: () => void;
};

/** A list page with no rows: "nothing yet" unfiltered, else "nothing matches" and a button that clears the filters. */
export function ListEmpty({ ns, icon, keys, text, clearFilters }: Props) {
  const { t } = useTranslation();
  const filtered = keys.some((key) => text[key]) || Boolean(text.q);
  return (
    <EmptyState
      icon={icon}
      title={t(filtered ? `${ns}:list.noResults` : `${ns}:list.empty`)}
      action={filtered && <Button variant="light" onClick={clearFilters}>{t(`${ns}:list.clearFilters`)}</Button>}
    />
  );
}
