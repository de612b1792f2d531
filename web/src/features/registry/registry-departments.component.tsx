import type { RegistrySubUnit } from '@contract/registry';
import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { subUnits: RegistrySubUnit[]; selected: string[]; onChange: (numbers: string[]) => void };

/** Seed 003: the company's departments at the bottom of the form; the ticked ones are created with it. */
export function RegistryDepartments({ subUnits, selected, onChange }: Props) {
  const { t } = useTranslation();
  if (subUnits.length === 0) return null;
  const all = selected.length === subUnits.length;
  return (
    <Paper withBorder p="md" data-testid="registry-departments">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={4}>{t('registry:departments.title', { count: subUnits.length })}</Title>
          <Button size="compact-sm" variant="subtle" onClick={() => onChange(all ? [] : subUnits.map((unit) => unit.number))}>
            {all ? t('registry:departments.none') : t('registry:departments.all')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">{t('registry:departments.hint')}</Text>
        <Checkbox.Group value={selected} onChange={onChange} aria-label={t('registry:departments.title', { count: subUnits.length })}>
          <Stack gap={6}>
            {subUnits.map((unit) => (
              <Checkbox
                key={unit.number}
                value={unit.number}
                label={unit.name}
                description={[unit.address?.street, [unit.address?.postalCode, unit.address?.city ?? unit.address?.region].filter(Boolean).join(' '), unit.employees ? t('registry:choice.employees', { count: Number(unit.employees) || 0, value: unit.employees }) : null].filter(Boolean).join(' · ')}
                styles={{ label: { overflowWrap: 'anywhere' } }}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      </Stack>
    </Paper>
  );
}
