import { Box, Group, Stack } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { deferred } from '@web/app/deferred';
import { ToolButtonPlaceholder } from '@web/components/tool-button.component';
import { activeFilterCount } from './filter-fields';
import { barLine, chipLineHeight, moreLabel, primaryWidth } from './filter-bar-layout';

/** What a list page gives its filters: the URL's text, a setter, the width, the tools for the bar's line. */
export type ListFiltersProps = {
  values: Readonly<Record<string, string | undefined>>;
  onChange: (changes: Record<string, string | null>) => void;
  compact: boolean;
  tools?: ReactNode;
};

/** The bar's shape, known before its fields load: a search box, how many filters in the line, every filter's key. */
export type FilterBarShape = { search: boolean; primary: number; keys: readonly string[] };

function FilterBarPlaceholder({ shape, values, compact, tools }: ListFiltersProps & { shape: FilterBarShape }) {
  const { t } = useTranslation();
  const active = activeFilterCount(shape.keys, values);
  return (
    <Stack gap="xs">
      <Group {...barLine}>
        {shape.search && <Box style={{ flex: 1, minWidth: 160 }} h={36} bd="1px solid var(--mantine-color-default-border)" bdrs="sm" />}
        {!compact && Array.from({ length: shape.primary }, (_, index) => <Box key={index} w={primaryWidth} h={36} />)}
        <ToolButtonPlaceholder icon={<IconAdjustments size={16} />}>{moreLabel(t, compact, active)}</ToolButtonPlaceholder>
        {tools}
      </Group>
      {active > 0 && <Box h={chipLineHeight} />}
    </Stack>
  );
}

/**
 * A list's filter bar, loaded once the rows have shown (see deferred): `load` gives the list's
 * filters component (its fields need the users, teams and list items), and until it arrives a
 * placeholder of the same shape holds its place, so the rows do not move.
 */
export function deferredFilters(load: () => Promise<ComponentType<ListFiltersProps>>, shape: FilterBarShape): ComponentType<ListFiltersProps> {
  return deferred(load, (props: ListFiltersProps) => <FilterBarPlaceholder shape={shape} {...props} />);
}
