import { Stepper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCompact } from '@web/components/list-kit/use-compact';

/** Where the user is in the wizard: upload → mapping and preview → rules → run. */
export function ImportSteps({ active }: { active: number }) {
  const { t } = useTranslation();
  const compact = useCompact();
  return (
    <Stepper active={active} size="sm" orientation={compact ? 'vertical' : 'horizontal'} allowNextStepsSelect={false}>
      <Stepper.Step label={t('imports:step.upload')} />
      <Stepper.Step label={t('imports:step.mapping')} />
      <Stepper.Step label={t('imports:step.rules')} />
      <Stepper.Step label={t('imports:step.run')} />
    </Stepper>
  );
}
