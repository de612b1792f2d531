import { Button, Checkbox, Collapse, Group, Paper, Select, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconSearch, IconX } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { withTexts } from '@web/app/i18n';
import { DebouncedTextInput } from '@web/components/debounced-text-input.component';
import { formatDay } from '@web/components/format';
import { activeFilterCount, dayToInstant, instantToDay, type FilterField, type SortField } from './filter-fields';
import { FilterChips, type Chip } from './filter-chips.component';
import { barLine, moreLabel, primaryWidth } from './filter-bar-layout';
import { ToolButton } from '@web/components/tool-button.component';

// Dates pull in the date picker: fetched when a list with a date filter opens its panel.
const DateField = lazy(async () => ({ default: (await withTexts([], () => import('@web/components/date-field.component'))).DateField }));

export type FilterBarProps = {
  /** The search box's accessible name and placeholder; no search box when absent. */
  search?: { label: string; placeholder: string };
  fields: FilterField[];
  /** The URL's text of the list query (useListUrl's `text`). */
  values: Readonly<Record<string, string | undefined>>;
  onChange: (changes: Record<string, string | null>) => void;
  sort?: SortField;
  /** Phone width: every filter behind the button, none in the line. */
  compact: boolean;
  /** Shown at the end of the line (saved views, columns). */
  tools?: ReactNode;
};

type ControlProps = { field: FilterField; value: string | undefined; onChange: (value: string | null) => void; inline: boolean };

/** One filter's control: in the line without a visible label (its placeholder names it), in the panel with one. */
function FilterControl({ field, value, onChange, inline }: ControlProps) {
  const { t } = useTranslation();
  const label = inline ? undefined : field.label;
  const common = { label, 'aria-label': field.label, w: inline ? primaryWidth : undefined };
  switch (field.type) {
    case 'select':
      return (
        <Select
          {...common}
          placeholder={inline ? field.label : t('views:filters.any')}
          clearable
          searchable={field.searchable}
          disabled={field.disabled}
          data={field.data}
          value={value ?? null}
          onChange={onChange}
        />
      );
    case 'text':
      return (
        <DebouncedTextInput
          {...common}
          placeholder={inline ? field.label : field.placeholder}
          maxLength={field.maxLength}
          isAcceptable={field.isAcceptable}
          value={value && field.format ? field.format(value) : (value ?? '')}
          onCommit={(next) => onChange(field.normalize ? field.normalize(next) : next)}
        />
      );
    case 'date':
      return (
        <Suspense fallback={null}>
          <DateField
            {...common}
            value={value ? dayOf(field, value) : null}
            onChange={(day) => onChange(day ? (field.asDay ? day : dayToInstant(day, field.edge)) : null)}
          />
        </Suspense>
      );
    case 'fixed':
      return null;
    case 'check':
      return <Checkbox label={field.label} checked={value === 'true'} onChange={(event) => onChange(event.currentTarget.checked ? 'true' : null)} mt={inline ? 0 : 'lg'} />;
  }
}

/** The day a date filter's URL value stands for. */
const dayOf = (field: { edge: 'start' | 'end'; asDay?: boolean }, value: string): string | null => (field.asDay ? value : instantToDay(value, field.edge));

/** What a set filter reads as on its chip. */
function chipText(field: FilterField, value: string): string {
  switch (field.type) {
    case 'select':
      return `${field.label}: ${field.data.find((item) => item.value === value)?.label ?? value}`;
    case 'text':
      return `${field.label}: ${field.format ? field.format(value) : value}`;
    case 'date':
      return `${field.label}: ${formatDay(dayOf(field, value))}`;
    case 'check':
    case 'fixed':
      return field.label;
  }
}

/**
 * A list's filters in one line (search, the most used filters, "more filters", the page's tools),
 * the others in a panel it opens, and every set filter as a chip that removes it.
 */
export function FilterBar({ search, fields, values, onChange, sort, compact, tools }: FilterBarProps) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const inline = compact ? [] : fields.filter((field) => field.primary);
  const panel = (compact ? fields : fields.filter((field) => !field.primary)).filter((field) => field.type !== 'fixed');
  const keys = fields.map((field) => field.key);
  const active = activeFilterCount(keys, values);
  const set = (key: string) => (value: string | null) => onChange({ [key]: value });
  const chips: Chip[] = fields.flatMap((field) => {
    const value = values[field.key];
    return value ? [{ key: field.key, text: chipText(field, value) }] : [];
  });
  const clearAll = () => onChange(Object.fromEntries([...keys, ...(search ? ['q'] : [])].map((key) => [key, null])));

  return (
    <Stack gap="xs">
      <Group {...barLine}>
        {search && (
          <DebouncedTextInput
            style={{ flex: 1, minWidth: 160 }}
            aria-label={search.label}
            placeholder={search.placeholder}
            leftSection={<IconSearch size={16} />}
            value={values.q ?? ''}
            onCommit={(q) => onChange({ q })}
          />
        )}
        {inline.map((field) => (
          <FilterControl key={field.key} field={field} value={values[field.key]} onChange={set(field.key)} inline />
        ))}
        {(panel.length > 0 || sort) && (
          <ToolButton icon={<IconAdjustments size={16} />} onClick={toggle} aria-expanded={opened} data-testid="more-filters">
            {moreLabel(t, compact, active)}
          </ToolButton>
        )}
        {tools}
      </Group>
      {chips.length > 0 && <FilterChips chips={chips} onRemove={(key) => onChange({ [key]: null })} onClearAll={clearAll} />}
      <Collapse expanded={opened}>
        <Paper withBorder p="sm" data-testid="filters-panel">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {panel.map((field) => (
              <FilterControl key={field.key} field={field} value={values[field.key]} onChange={set(field.key)} inline={false} />
            ))}
            {sort && (
              <Select label={sort.label} allowDeselect={false} data={sort.data} value={sort.value} onChange={(value) => value && sort.onChange(value)} />
            )}
          </SimpleGrid>
          {compact && active > 0 && (
            <Button variant="subtle" mt="sm" onClick={clearAll} leftSection={<IconX size={16} />}>
              {t('views:filters.clear')}
            </Button>
          )}
        </Paper>
      </Collapse>
    </Stack>
  );
}
