import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordForm } from './password-form.component';
import { ProfileForm } from './profile-form.component';

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Stack maw={560} gap="md">
      <Title order={2}>{t('auth:profile.title')}</Title>
      <ProfileForm />
      <PasswordForm />
    </Stack>
  );
}
