import os from 'node:os';
import pg from 'pg';
import type { JobWorkerRow } from '@server/db/database';
import { newId } from '@server/lib/ids';
import { pingSession, takeWorkerLock } from './workers.repo';

/** This process as worker rows name it: its host, its pid, and a token no earlier process had. */
export const thisProcess = { host: os.hostname(), pid: process.pid, id: newId() };

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return !(error instanceof Error && 'code' in error && error.code === 'ESRCH');
  }
}

/**
 * Whether a registered worker still lives, as far as this process can tell. On PostgreSQL a
 * worker that holds its session's advisory lock is alive and one that does not is dead, however
 * slow it is or stale its heartbeat: the lock goes only with its connection. Without a lock
 * (SQLite) a worker is dead once its heartbeat is stale, or at once when it ran on this host and
 * its process is gone (or this process, with the same pid, is a later one).
 */
export function isAlive(row: JobWorkerRow, heldLocks: Set<number> | null, staleBefore: string): boolean {
  if (row.lock_key !== null && heldLocks) return heldLocks.has(row.lock_key);
  if (Date.parse(row.heartbeat_at) < Date.parse(staleBefore)) return false;
  if (row.host !== thisProcess.host) return true;
  if (row.pid === thisProcess.pid) return row.process_id === thisProcess.id;
  return processExists(row.pid);
}

/** A PostgreSQL session of the worker's own, outside the pool, holding its advisory lock while it lives. */
export class LivenessSession {
  lost = false;

  private constructor(private readonly client: pg.Client, readonly lockKey: number) {}

  static async open(databaseUrl: string, onError: (error: Error) => void): Promise<LivenessSession> {
    const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    // An idle client's connection error is an event: unheard, it would end the process.
    let session: LivenessSession | null = null;
    client.on('error', (error) => {
      if (session) session.lost = true;
      onError(error);
    });
    client.on('end', () => {
      if (session) session.lost = true;
    });
    await client.connect();
    try {
      session = new LivenessSession(client, await takeWorkerLock(client));
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return session;
  }

  /** Checks the session still answers; marks it lost when not. */
  async check(): Promise<boolean> {
    if (this.lost) return false;
    await pingSession(this.client).catch(() => {
      this.lost = true;
    });
    return !this.lost;
  }

  /** Ends the session, and with it the lock. */
  async close(): Promise<void> {
    this.lost = true;
    await this.client.end().catch(() => undefined);
  }
}
