import { lazy, Suspense, type ComponentType } from 'react';
import { queryClient } from './query-client';

// The parts of a screen that nobody uses in its first second (menus, filters, the header's
// search and bell) load after what the page is for has shown: they would otherwise share the
// network, the server and the main thread with it.

const idle = () =>
  new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 1);
  });

// After the next frame is painted: what was rendered meanwhile is on screen.
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const queriesQuiet = () =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (queryClient.isFetching() > 0) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = queryClient.getQueryCache().subscribe(check);
    check();
  });

// A page that keeps polling still gets its menus.
const longestWait = 3000;

let settled: Promise<void> | undefined;

/**
 * Resolves once the first page is on screen: its queries (started by its first render) have
 * answered, what they brought is painted, and the browser is idle. Later pages find it resolved.
 */
export function whenPageSettled(): Promise<void> {
  settled ??= (async () => {
    await idle();
    await Promise.race([queriesQuiet(), new Promise((resolve) => setTimeout(resolve, longestWait))]);
    await painted();
    await idle();
  })();
  return settled;
}

/**
 * A component loaded once the page has settled (React.lazy behind whenPageSettled). Until then
 * `Placeholder`, given the same props, holds its place at its size so that nothing moves.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>, Placeholder: ComponentType<P>): ComponentType<P> {
  const Lazy = lazy(async () => {
    await whenPageSettled();
    return { default: await load() };
  });
  return function Deferred(props: P) {
    return (
      <Suspense fallback={<Placeholder {...props} />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
