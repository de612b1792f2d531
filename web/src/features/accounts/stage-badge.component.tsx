import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = { lead: 'gray', prospect: 'blue', customer: 'teal' };

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[stage] ?? 'violet'} variant="light">
      {t(`accounts:stage.${stage}`, { defaultValue: stage })}
    </Badge>
  );
}
