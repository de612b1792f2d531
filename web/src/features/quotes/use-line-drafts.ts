import type { Quote } from '@contract/quotes';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftOf, inputOf, inputsOf, type LineDraft } from './quote-line-values';
import { useTotalsPreview } from './use-quotes';

/**
 * The editor's lines: drafts as typed, whether they differ from the saved quote, and the
 * server's totals for them (asked for a moment after the typing stops). A saved quote's new
 * lines replace the drafts only while there is nothing unsaved, and not when they are the drafts
 * just saved.
 */
export function useLineDrafts(quote: Quote) {
  const { i18n } = useTranslation();
  const saved = useMemo(() => quote.lines.map((line) => draftOf(line, quote.currency, i18n.language)), [quote.lines, quote.currency, i18n.language]);
  const [drafts, setDrafts] = useState<LineDraft[]>(saved);
  const [dirty, setDirty] = useState(false);
  // The version whose lines are the drafts as typed (they were just saved): kept, not re-read, so
  // the row being typed in keeps its place and focus.
  const adopted = useRef<number | null>(null);
  useEffect(() => {
    // Not while the page still holds an older quote than the one just saved (the cache catches up a render later).
    if (!dirty && (adopted.current === null || quote.version > adopted.current)) setDrafts(saved);
  }, [saved, dirty, quote.version]);

  const inputs = useMemo(() => inputsOf(drafts, quote.currency), [drafts, quote.currency]);
  const problems = useMemo(() => drafts.map((draft) => inputOf(draft, quote.currency).problems), [drafts, quote.currency]);
  const [debounced] = useDebouncedValue(inputs, 400);
  const preview = useTotalsPreview(quote.currency, dirty ? debounced : null);

  const change = (update: (current: LineDraft[]) => LineDraft[]) => {
    setDrafts(update);
    setDirty(true);
  };
  /** The drafts as they are were saved as `version`. */
  const markSaved = useCallback((version: number) => {
    adopted.current = version;
    setDirty(false);
  }, []);
  // While unsaved, the figures are the preview's (once it has priced these very lines); otherwise the quote's.
  const previewCurrent = dirty && preview.data !== undefined && debounced === inputs && !preview.isPlaceholderData;
  const totals = dirty ? (preview.data ?? null) : { netTotal: quote.netTotal, taxTotal: quote.taxTotal, total: quote.total, taxes: quote.taxes, lines: quote.lines.map((line) => ({ net: line.net, tax: line.tax })) };
  return { drafts, inputs, problems, dirty, change, markSaved, totals, pricing: dirty && !previewCurrent, previewError: preview.error };
}
