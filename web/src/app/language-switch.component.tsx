import { languages, type Language } from '@contract/common';
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifications } from '@web/components/notifications';
import { useUpdateMe } from '@web/features/auth/use-update-me';
import { useMe } from '@web/features/auth/session';
import { changeLanguage, toLanguage } from './i18n';

/** es / en. Signed in, the choice is saved to the user's profile too. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const updateMe = useUpdateMe();

  const select = async (value: string) => {
    const language: Language | null = toLanguage(value);
    if (!language) return;
    await changeLanguage(language);
    if (me.data && me.data.language !== language) {
      updateMe.mutate(
        { language },
        { onError: () => notifications.show({ color: 'red', message: t('common:language.saveFailed') }) },
      );
    }
  };

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common:language.label')}
      value={toLanguage(i18n.language) ?? 'es'}
      onChange={(value) => void select(value)}
      data={languages.map((language) => ({ value: language, label: language.toUpperCase() }))}
    />
  );
}
