import { Anchor, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  count: number;
  /** Everything matching the list's filters. */
  total: number;
  allMatching: boolean;
  /** The list's words: "2 selected", "All 300 matching the filter selected", "Select all 300 matching the filter". */
  texts: { selected: string; allMatching: string; selectAll: string; clear: string; label: string };
  onSelectAllMatching: () => void;
  onClear: () => void;
  /** The list's actions on the selection. */
  children?: ReactNode;
};

/** Shown while rows are ticked: how many, "select all matching this filter", clear, and the list's actions. */
export function SelectionBar({ count, total, allMatching, texts, onSelectAllMatching, onClear, children }: Props) {
  return (
    <Paper withBorder p="xs" data-testid="bulk-bar" role="region" aria-label={texts.label}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="sm" wrap="wrap" align="baseline">
          <Text fw={600} size="sm" data-testid="bulk-count">
            {allMatching ? texts.allMatching : texts.selected}
          </Text>
          {!allMatching && total > count && (
            <Anchor component="button" type="button" size="sm" onClick={onSelectAllMatching}>
              {texts.selectAll}
            </Anchor>
          )}
          <Anchor component="button" type="button" size="sm" onClick={onClear}>
            {texts.clear}
          </Anchor>
        </Group>
        <Group gap="xs" wrap="wrap">
          {children}
        </Group>
      </Group>
    </Paper>
  );
}
