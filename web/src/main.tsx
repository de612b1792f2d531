import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApiClient } from './app/api-client';
import { App } from './app/app';
import { currentLanguage, setupI18n } from './app/i18n';
import { router } from './app/router';
import { forgetSession } from './features/auth/session';

async function start(): Promise<void> {
  await setupI18n();
  configureApiClient({
    language: currentLanguage,
    // The session ended (expired, or the user was deactivated): back to the login.
    onUnauthorized: () => {
      forgetSession();
      const next = `${window.location.pathname}${window.location.search}`;
      void router.navigate(`/login?next=${encodeURIComponent(next)}`);
    },
  });
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
