/**
 * Requests take turns: one starts per turn of the event loop, in the order they arrived.
 *
 * Why: libuv accepts one new connection per turn of the loop, and on SQLite a request runs to its
 * end without giving the loop back (every statement is synchronous). Under load one turn then
 * served every waiting request of every open connection (200 connections: about 0.4 s a turn),
 * so a connection waiting to be accepted waited that long per connection ahead of it: requests of
 * 10 to 29 s while p99 stayed at 0.4 s. One request per turn keeps turns short, so new
 * connections are accepted as fast as requests are answered, and everyone waits in one queue.
 */
export function fairTurns(): () => Promise<void> {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const next = (): void => {
    scheduled = false;
    const start = waiting.shift();
    // Scheduled from inside the check phase, the next one runs in the loop's next turn, after its I/O.
    if (waiting.length > 0) {
      scheduled = true;
      setImmediate(next);
    }
    start?.();
  };
  return () => new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(next);
    }
  });
}
