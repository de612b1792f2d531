import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useMe, useSetupStatus } from '@web/features/auth/session';

function FullPageLoader() {
  return (
    <Center h="100dvh">
      <Loader />
    </Center>
  );
}

/** Pages for signed-in users; everyone else goes to the login (or the first-run setup). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const setup = useSetupStatus();
  const me = useMe();
  const location = useLocation();
  if (setup.isPending || me.isPending) return <FullPageLoader />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** Login and setup: signed-in users go to where they were heading. */
export function PublicOnly({ children, setupPage = false }: { children: ReactNode; setupPage?: boolean }) {
  const setup = useSetupStatus();
  const me = useMe();
  const location = useLocation();
  if (setup.isPending || me.isPending) return <FullPageLoader />;
  const needsSetup = setup.data?.needsSetup ?? false;
  if (needsSetup && !setupPage) return <Navigate to="/setup" replace />;
  if (!needsSetup && setupPage) return <Navigate to="/login" replace />;
  if (me.data) {
    const next = new URLSearchParams(location.search).get('next');
    // Only same-site paths: an open redirect would let a link send users anywhere.
    return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/dashboard'} replace />;
  }
  return children;
}
