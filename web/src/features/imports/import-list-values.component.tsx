import type { ImportPreview } from '@contract/imports';
import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@web/features/auth/session';

type Props = { unknown: ImportPreview['unknownValues']; create: boolean; onCreateChange: (create: boolean) => void };

/**
 * Stages, industries and sources of the file that no list has: an admin may have them added to
 * their lists; anyone else learns that those rows will be reported, not imported.
 */
export function ImportListValues({ unknown, create, onCreateChange }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (unknown.length === 0) return null;
  const canCreate = me.abilities.manageLists;
  return (
    <Alert color={create ? 'teal' : 'yellow'} title={t('imports:listValues.title')} data-testid="import-list-values">
      <Stack gap="xs">
        <Text size="sm">
          {unknown.map((item) => `${t(`imports:target.${item.field}`)}: ${item.value}`).join(' · ')}
        </Text>
        {canCreate ? (
          <Checkbox
            label={t('imports:listValues.create')}
            description={t('imports:listValues.createHelp')}
            checked={create}
            onChange={(event) => onCreateChange(event.currentTarget.checked)}
          />
        ) : (
          <Text size="sm" c="dimmed">{t('imports:listValues.askAdmin')}</Text>
        )}
      </Stack>
    </Alert>
  );
}
