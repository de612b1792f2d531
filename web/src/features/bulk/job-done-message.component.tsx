import { Button, Stack } from '@mantine/core';

/** The body of a finished job's notification: its summary (what the browser tests read) and, when it has one, the link to its report. */
export function JobDoneMessage({ summary, report }: { summary: string; report?: { label: string; open: () => void } | undefined }) {
  const text = <span data-testid="bulk-done">{summary}</span>;
  if (!report) return text;
  return (
    <Stack gap={6} align="flex-start">
      {text}
      <Button variant="light" size="compact-sm" onClick={report.open} data-testid="bulk-report">{report.label}</Button>
    </Stack>
  );
}
