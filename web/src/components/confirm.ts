import { useState } from 'react';

/** Open/close state of a confirmation dialog, remembering what it is about. */
export function useConfirm<T>() {
  const [subject, setSubject] = useState<T | null>(null);
  return { subject, ask: (value: T) => setSubject(value), close: () => setSubject(null) };
}
