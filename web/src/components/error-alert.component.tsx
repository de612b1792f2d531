import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@web/app/api-client';

/** The message of any failure in the user's language (the server translates its own). */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error, 'network_error')) return t('common:error.network');
    if (isApiError(error) && error.message) return error.message;
    return t('common:error.unexpected');
  };
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      {message(error)}
    </Alert>
  );
}
