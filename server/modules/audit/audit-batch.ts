import { AsyncLocalStorage } from 'node:async_hooks';
import type { HistoryBatchKind } from '@contract/accounts';

const current = new AsyncLocalStorage<string>();

/**
 * Runs `work` so that every audit row it writes carries the batch `kind:id` (an import, a bulk
 * action, a merge). Held for the async call, not passed down: an import writes its rows through
 * the same services a single edit uses, and none of them needs to know.
 */
export function inAuditBatch<T>(kind: HistoryBatchKind, id: string, work: () => Promise<T>): Promise<T> {
  return current.run(`${kind}:${id}`, work);
}

/** The batch of the work in progress, if any. */
export const currentAuditBatch = (): string | null => current.getStore() ?? null;
