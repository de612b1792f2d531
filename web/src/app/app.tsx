import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { queryClient } from './query-client';
import { router } from './router';
import { NotificationsHost } from './notifications-host.component';
import { buildTheme } from './theme';

export function App() {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => buildTheme((key) => t(key)), [t, i18n.language]);
  return (
    <MantineProvider theme={theme}>
      <NotificationsHost />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
