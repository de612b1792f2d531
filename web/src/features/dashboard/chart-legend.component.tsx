import { Anchor, ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

/** A colour as charts take it ("blue.6" or "#228be6") as CSS. */
export const cssColor = (color: string): string => (color.startsWith('#') ? color : `var(--mantine-color-${color.replace('.', '-')})`);

/** One line of a chart's legend: what a slice or bar is, its figure, and the list it opens. */
export type LegendItem = { id: string; label: string; value: string; detail?: string; color?: string; href: string | null; highlight?: boolean };

/**
 * The chart's slices as links, beside the picture: readable at 375 px, by keyboard and by screen
 * readers, and each opens the list filtered to exactly what it counts.
 */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <Group key={item.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" miw={0}>
            {item.color && <ColorSwatch color={cssColor(item.color)} size={12} withShadow={false} />}
            {item.href ? (
              <Anchor component={Link} to={item.href} size="sm" truncate c={item.highlight ? 'red' : undefined} fw={item.highlight ? 600 : undefined}>
                {item.label}
              </Anchor>
            ) : (
              <Text size="sm" truncate c="dimmed">{item.label}</Text>
            )}
          </Group>
          <Stack gap={0} align="flex-end">
            <Text size="sm" fw={500} c={item.highlight ? 'red' : undefined} data-testid="legend-value">{item.value}</Text>
            {item.detail && <Text size="xs" c="dimmed" ta="right">{item.detail}</Text>}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
