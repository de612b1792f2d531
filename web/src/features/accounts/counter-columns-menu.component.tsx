import { overviewCounterKeys, type OverviewCounter } from '@contract/accounts';
import { Button, Checkbox, Menu } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Picks which overview counters the list shows as columns (each costs one grouped query per page). */
export function CounterColumnsMenu({ value, onChange, compact }: { value: OverviewCounter[]; onChange: (next: OverviewCounter[]) => void; compact: boolean }) {
  const { t } = useTranslation();
  const toggle = (key: OverviewCounter) =>
    onChange(overviewCounterKeys.filter((candidate) => (candidate === key ? !value.includes(key) : value.includes(candidate))));
  return (
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <Button variant="default" size={compact ? 'xs' : 'sm'} leftSection={<IconColumns size={16} />}>
          {t('company:counters.columns')}
        </Button>
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
