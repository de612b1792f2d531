import { useMediaQuery } from '@mantine/hooks';

/** Phone width: lists show cards or stacked rows instead of tables, so nothing scrolls sideways. */
export const phoneWidth = '(max-width: 48em)';

export function useCompact(): boolean {
  return useMediaQuery(phoneWidth) ?? false;
}
