import type { Quote } from '@contract/quotes';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@web/app/api-client';
import { useSettle } from './use-quote-mutations';

/**
 * Where the draft's edits stand: all `saved`; `pending` (a save is due once typing pauses);
 * `saving`; `invalid` (something typed cannot be saved as it is, e.g. a line's quantity);
 * `failed` (the server refused it: the error says why, the edits stay); `conflict` (someone else
 * saved the quote meanwhile: nothing more is written until the user decides).
 */
export type AutosaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'failed' | 'conflict';

/** One part of the editor (the header, the lines) as it stands now. */
export type AutosavePart = {
  /** Saves what the part holds at the quote's version, or null when nothing changed. A new function for each change. */
  due: ((version: number) => Promise<Quote>) | null;
  /** Changed, but not savable as it stands. */
  invalid: boolean;
  /** What was saved is still what the part holds: it is clean now. */
  onSaved: (quote: Quote) => void;
  onFailed?: (error: unknown) => void;
};

const nextDue = (parts: Map<string, AutosavePart>): AutosavePart | undefined => [...parts.values()].find((part) => part.due !== null && !part.invalid);

const stateOf = (parts: Map<string, AutosavePart>): AutosaveState => {
  const all = [...parts.values()];
  return all.some((part) => part.invalid) ? 'invalid' : all.some((part) => part.due !== null) ? 'pending' : 'saved';
};

/**
 * Saves a draft quote's edits by itself, `delay` ms after the typing pauses: one part at a time
 * (each save moves the quote's version on, and the next carries it), so the header and the lines
 * never race each other into a 412. A stale version stops it (`conflict`). What is due is sent at
 * once when the editor closes (leaving the page in the app), and the browser asks before a tab
 * with edits not yet saved is closed.
 */
export function useQuoteAutosave(quote: Quote, delay = 800) {
  const settle = useSettle();
  const settleRef = useRef(settle);
  const parts = useRef(new Map<string, AutosavePart>());
  const version = useRef(quote.version);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef(false);
  const stopped = useRef(false);
  const held = useRef(false);
  const [state, setState] = useState<AutosaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    settleRef.current = settle;
    // A newer quote from elsewhere (a refetch) carries the version the next save must send.
    if (quote.version > version.current) version.current = quote.version;
  });

  const run = useCallback(async () => {
    if (running.current || stopped.current || held.current) return;
    running.current = true;
    try {
      for (let part = nextDue(parts.current); part?.due; part = nextDue(parts.current)) {
        const due = part.due;
        setState('saving');
        try {
          const saved = await due(version.current);
          version.current = saved.version;
          settleRef.current(saved);
          // Typed on while it saved: the part stays due, and the loop saves it again.
          if (part.due === due) {
            part.due = null;
            part.onSaved(saved);
          }
        } catch (failure) {
          if (failure instanceof ApiError && failure.status === 412) {
            stopped.current = true;
            setState('conflict');
          } else {
            setState('failed');
            setError(failure);
            part.onFailed?.(failure);
          }
          return;
        }
      }
      setError(null);
      setState(stateOf(parts.current));
    } finally {
      running.current = false;
    }
  }, []);

  /** A part tells what it holds now; a save follows once changes pause. */
  const report = useCallback((key: string, part: AutosavePart) => {
    const previous = parts.current.get(key);
    parts.current.set(key, part);
    if (stopped.current || (previous?.due === part.due && previous.invalid === part.invalid)) return;
    // The pause starts again with any change, and ends in a save if any part (not only this one) is due.
    clearTimeout(timer.current);
    if (!running.current) setState(stateOf(parts.current));
    if (nextDue(parts.current)) timer.current = setTimeout(() => void run(), delay);
  }, [delay, run]);

  /** While a line is being dragged no save starts (the quote coming back mid-drag would upset it); what is due goes after the drop. */
  const hold = useCallback((holding: boolean) => {
    held.current = holding;
    clearTimeout(timer.current);
    if (!holding && nextDue(parts.current)) timer.current = setTimeout(() => void run(), delay);
  }, [delay, run]);

  // Leaving the editor inside the app: what is due goes now rather than after the pause.
  useEffect(() => () => {
    clearTimeout(timer.current);
    held.current = false;
    void run();
  }, [run]);

  const unsaved = state !== 'saved';
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return { state, error, unsaved, report, hold, retry: () => void run() };
}

export type Autosave = ReturnType<typeof useQuoteAutosave>;
