import { overviewCounterKeys, type OverviewCounter } from '@contract/accounts';
import { Checkbox, Menu } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ToolButton } from '@web/components/tool-button.component';

/** Picks which overview counters the list shows as columns (each costs one grouped query per page). */
export function CounterColumnsMenu({ value, onChange, compact }: { value: OverviewCounter[]; onChange: (next: OverviewCounter[]) => void; compact: boolean }) {
  const { t } = useTranslation();
  const toggle = (key: OverviewCounter) =>
    onChange(overviewCounterKeys.filter((candidate) => (candidate === key ? !value.includes(key) : value.includes(candidate))));
  return (
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <ToolButton icon={<IconColumns size={16} />} compact={compact}>
          {t('company:counters.columns')}
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
