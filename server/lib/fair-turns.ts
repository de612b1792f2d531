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
export type Turns = {
  /** Waits for a turn: the next free turn of the loop, after everyone who asked before. */
  take: () => Promise<void>;
  /**
   * Goes on at once when nobody waits, else takes a turn behind those who do. For work that just
   * gave the loop a turn (so what arrived meanwhile has been read and queued) and would otherwise
   * wait a turn more for nothing.
   */
  afterWaiting: () => Promise<void>;
};

export function fairTurns(): Turns {
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
  const take = () => new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(next);
    }
  });
  return { take, afterWaiting: () => (waiting.length > 0 ? take() : Promise.resolve()) };
}

/**
 * The process's one queue: requests (app.ts) and the chunks of long jobs (jobs/short-transactions)
 * wait in it together. One event loop serves them all, so one queue orders them: a job's next chunk
 * starts after the requests that arrived while its last one ran, not before them.
 */
export const turns = fairTurns();
