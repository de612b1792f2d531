import { Progress, Stack, Text } from '@mantine/core';

/** The body of a running job's notification: a sentence and a bar. */
export function JobProgressMessage({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Stack gap={4}>
      <Text size="sm">{label}</Text>
      <Progress value={percent} animated aria-label={label} />
    </Stack>
  );
}
