import { Paper, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProjectFields } from './project-fields.component';
import type { ProjectFormValues } from './project-form-values';

type Props = { enabled: boolean; onToggle: (enabled: boolean) => void; form: UseFormReturnType<ProjectFormValues> };

/** The new-company form's optional start project (seed 003): created with the company, in one transaction. */
export function StartProjectSection({ enabled, onToggle, form }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="start-project">
      <Stack gap="sm">
        <Switch label={t('projects:startProject.toggle')} checked={enabled} onChange={(event) => onToggle(event.currentTarget.checked)} />
        {enabled && (
          <>
            <Text size="sm" c="dimmed">{t('projects:startProject.hint')}</Text>
            <ProjectFields form={form} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
