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
  // Before anything renders: the first page's requests may start while translations load.
  configureApiClient({
    language: currentLanguage,
    // The session ended (expired, or the user was deactivated): back to the login.
    onUnauthorized: () => {
      forgetSession();
      // A request that was already under way when the app went to the login (e.g. a prefetch).
      if (window.location.pathname === '/login') return;
      const next = `${window.location.pathname}${window.location.search}`;
      void router.navigate(`/login?next=${encodeURIComponent(next)}`);
    },
  });
  await setupI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
