import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled value on a record's page; an empty value shows a dash so the grid keeps its shape. */
export function RecordField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>{children || '—'}</Text>
    </Stack>
  );
}
