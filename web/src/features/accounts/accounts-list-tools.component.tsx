import { Box, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconAdjustments, IconColumns, IconDownload, IconLayoutList, IconChevronDown, IconNumbers } from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { deferred } from '@web/app/deferred';
import { withTexts } from '@web/app/i18n';
import { ToolButtonPlaceholder } from '@web/components/tool-button.component';
import type { ExportMenu as LoadedExportMenu } from '@web/features/exports/export-menu.component';
import type { AccountFilters as LoadedAccountFilters } from './account-filters.component';

// The list page's menus and filters load after its rows have shown (see deferred); meanwhile each
// placeholder takes the same room, so neither the rows nor anything else moves when they arrive.

function ExportPlaceholder({ compact }: ComponentProps<typeof LoadedExportMenu>) {
  const { t } = useTranslation();
  return <ToolButtonPlaceholder icon={<IconDownload size={16} />} compact={compact}>{t('accounts:export.button')}</ToolButtonPlaceholder>;
}

function CountersPlaceholder({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  return <ToolButtonPlaceholder icon={<IconNumbers size={16} />} compact={compact}>{t('company:counters.menu')}</ToolButtonPlaceholder>;
}

function SavedViewsPlaceholder() {
  const { t } = useTranslation();
  return <ToolButtonPlaceholder icon={<IconLayoutList size={16} />} rightSection={<IconChevronDown size={14} />}>{t('views:pick')}</ToolButtonPlaceholder>;
}

function ColumnsPlaceholder() {
  const { t } = useTranslation();
  return <ToolButtonPlaceholder icon={<IconColumns size={16} />}>{t('views:columns')}</ToolButtonPlaceholder>;
}

// The filter grid's fields (AccountFilters and TraitFilters), each a labelled input: the label's
// line (body text, 1rem at the theme's line height) over a 36 px input.
const filterFields = 13;
const fieldHeight = 'calc(var(--mantine-font-size-md) * var(--mantine-line-height) + 2.25rem * var(--mantine-scale))';

/** The search box, and from `sm` up the grid of filter fields; at phone width the filters button. */
function FiltersPlaceholder({ compact }: ComponentProps<typeof LoadedAccountFilters>) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="nowrap">
        <Box flex={1} h={36} bd="1px solid var(--mantine-color-default-border)" bdrs="sm" />
        {compact && <ToolButtonPlaceholder icon={<IconAdjustments size={16} />}>{t('accounts:filter.title')}</ToolButtonPlaceholder>}
      </Group>
      {!compact && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {Array.from({ length: filterFields }, (_, index) => (
            <Box key={index} h={fieldHeight} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

export const ExportMenu = deferred(async () => (await withTexts([], () => import('@web/features/exports/export-menu.component'))).ExportMenu, ExportPlaceholder);
export const CounterColumnsMenu = deferred(async () => (await withTexts(['company'], () => import('./counter-columns-menu.component'))).CounterColumnsMenu, CountersPlaceholder);
export const SavedViewsMenu = deferred(async () => (await withTexts(['views'], () => import('@web/features/saved-views/saved-views-menu.component'))).SavedViewsMenu, SavedViewsPlaceholder);
export const ColumnPicker = deferred(async () => (await withTexts(['views'], () => import('./column-picker.component'))).ColumnPicker, ColumnsPlaceholder);
export const AccountFilters = deferred(async () => (await withTexts(['company', 'links'], () => import('./account-filters.component'))).AccountFilters, FiltersPlaceholder);
