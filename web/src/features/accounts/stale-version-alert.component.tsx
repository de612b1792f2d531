import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Someone saved the record after this user opened it: nothing was overwritten. */
export function StaleVersionAlert({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('accounts:stale.title')} role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('accounts:stale.message')}</Text>
        <Button size="xs" variant="white" color="orange" leftSection={<IconRefresh size={14} />} loading={reloading} onClick={onReload}>
          {t('accounts:stale.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
