import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onCommit: (value: string) => void;
  delay?: number;
  /** Only commit values that pass (e.g. a two-letter country code); others stay local. */
  isAcceptable?: (value: string) => boolean;
};

/** A text input that commits after the user pauses typing (searching on every key is wasteful). */
export function DebouncedTextInput({ value, onCommit, delay = 350, isAcceptable = () => true, ...props }: Props) {
  const [draft, setDraft] = useState(value);
  const commit = useDebouncedCallback((next: string) => {
    if (isAcceptable(next)) onCommit(next);
  }, delay);

  // The committed value can change from outside (reset, back button): follow it.
  useEffect(() => setDraft(value), [value]);

  return (
    <TextInput
      {...props}
      value={draft}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        commit(event.currentTarget.value.trim());
      }}
    />
  );
}
