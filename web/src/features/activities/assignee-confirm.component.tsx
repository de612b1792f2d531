import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = { name: string; pending: boolean; onConfirm: () => void; onCancel: () => void };

/** "X does not see this account. Add X as an owner?", in the form, where it fits a phone too. */
export function AssigneeConfirm({ name, pending, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconUserPlus size={18} />} title={t('activities:assign.title', { name })} role="alertdialog" styles={{ body: { minWidth: 0 } }}>
      <Stack gap="sm">
        <Text size="sm">{t('activities:assign.question', { name })}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="compact-sm" onClick={onCancel}>
            {t('activities:assign.chooseOther')}
          </Button>
          <Button size="compact-sm" loading={pending} onClick={onConfirm}>
            {t('activities:assign.confirm')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
