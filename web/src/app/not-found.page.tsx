import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center" mt="xl" gap="sm">
      <Title order={2}>{t('common:notFound.title')}</Title>
      <Text c="dimmed">{t('common:notFound.message')}</Text>
      <Button component={Link} to="/accounts" variant="light">
        {t('common:notFound.back')}
      </Button>
    </Stack>
  );
}
