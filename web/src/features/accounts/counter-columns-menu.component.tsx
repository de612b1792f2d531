import { overviewCounterKeys, type OverviewCounter } from '@contract/accounts';
import { Checkbox, Menu } from '@mantine/core';
import { IconNumbers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ToolButton } from '@web/components/tool-button.component';

/**
 * Picks which overview counters the list shows: as columns of the table, or as lines of each card
 * at phone width (each costs one grouped query per page). Labelled "Counts", not "Columns", so it
 * is not mistaken for the column picker next to the saved views.
 */
export function CounterColumnsMenu({ value, onChange, compact }: { value: OverviewCounter[]; onChange: (next: OverviewCounter[]) => void; compact: boolean }) {
  const { t } = useTranslation();
  const toggle = (key: OverviewCounter) =>
    onChange(overviewCounterKeys.filter((candidate) => (candidate === key ? !value.includes(key) : value.includes(candidate))));
  return (
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <ToolButton icon={<IconNumbers size={16} />} compact={compact}>
          {t('company:counters.menu')}
        </ToolButton>
      </Menu.Target>
      <Menu.Dropdown>
        {overviewCounterKeys.map((key) => (
          <Menu.Item key={key} onClick={() => toggle(key)}>
            <Checkbox label={t(`company:counters.${key}`)} checked={value.includes(key)} readOnly tabIndex={-1} styles={{ input: { cursor: 'pointer' } }} />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
