import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { budgetOf, type ProjectFormValues } from './project-form-values';

/** The project form with its checks (the server checks again and names the field). */
export function useProjectForm(initialValues: ProjectFormValues) {
  const { t } = useTranslation();
  return useForm<ProjectFormValues>({
    initialValues,
    validate: {
      name: (value) => (value.trim() ? null : t('validation:required')),
      budget: (_value, values) => (budgetOf(values) === undefined ? t('validation:invalid') : null),
      endOn: (value, values) => (value && values.startOn && value < values.startOn ? t('validation:end_before_start') : null),
    },
  });
}
