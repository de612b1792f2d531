import { Anchor, Button, Group } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { chipLineHeight } from './filter-bar-layout';

export type Chip = { key: string; text: string };

/** The set filters as chips: clicking one removes its filter; "clear" removes them all. Named by their text, so a filter's label names only its field. */
export function FilterChips({ chips, onRemove, onClearAll }: { chips: Chip[]; onRemove: (key: string) => void; onClearAll: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" h={chipLineHeight} style={{ overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'none' }} data-testid="filter-chips">
      {chips.map((chip) => (
        <Button
          key={chip.key}
          size="compact-sm"
          variant="light"
          radius="xl"
          rightSection={<IconX size={12} />}
          title={t('views:filters.remove', { filter: chip.text })}
          onClick={() => onRemove(chip.key)}
          style={{ flexShrink: 0 }}
        >
          {chip.text}
        </Button>
      ))}
      <Anchor component="button" type="button" size="sm" onClick={onClearAll} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
        {t('views:filters.clear')}
      </Anchor>
    </Group>
  );
}
