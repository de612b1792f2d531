import { useMergedRef } from '@mantine/hooks';
import type { Ref } from 'react';

/**
 * floating-ui's useMergeRefs, for Mantine's ScrollArea only (see web/vite.config.ts): the same
 * merged callback ref, from @mantine/hooks, without the rest of floating-ui.
 */
export function useMergeRefs<T>(refs: ReadonlyArray<Ref<T> | undefined>): Ref<T> {
  return useMergedRef(...refs);
}
