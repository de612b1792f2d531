import { Stepper } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Where the user is in the wizard: upload → mapping and preview → rules → run. */
export function ImportSteps({ active }: { active: number }) {
  const { t } = useTranslation();
  const compact = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <Stepper active={active} size="sm" orientation={compact ? 'vertical' : 'horizontal'} allowNextStepsSelect={false}>
      <Stepper.Step label={t('imports:step.upload')} />
      <Stepper.Step label={t('imports:step.mapping')} />
      <Stepper.Step label={t('imports:step.rules')} />
      <Stepper.Step label={t('imports:step.run')} />
    </Stepper>
  );
}
