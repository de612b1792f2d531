import {
  AliasNode, DeleteQueryNode, InsertQueryNode, TableNode, UpdateQueryNode,
  type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult,
  type RootOperationNode, type UnknownRow,
} from 'kysely';

type Listener = () => void;

/** Who hears of a write, by table name. Process-wide: a cache in this process must drop what any database here changed. */
const listeners = new Map<string, Listener[]>();

/**
 * Calls `listener` whenever a query built with Kysely inserts into, updates or deletes from one
 * of `tables` (raw `sql` text is not parsed). It runs when the query is compiled, again when it
 * has run, and again after the next commits (see heardCommit): a reader that loaded the old rows
 * in between, even while the write's transaction was still open, sees its copy dropped.
 */
export function watchWrites(tables: readonly string[], listener: Listener): void {
  for (const table of tables) listeners.set(table, [...(listeners.get(table) ?? []), listener]);
}

/** Listeners whose tables were written lately, and when: called again at each commit for a while. */
const written = new Map<Listener, number>();
/** Longer than any transaction that writes users, sessions or teams. */
const afterCommitMs = 10_000;

/**
 * A transaction committed on PostgreSQL (the pooled client sees the `commit`). Another pooled
 * connection may have read a watched table between a write and its commit, and kept the old rows:
 * every listener whose table was written in the last ten seconds is called again, so such a copy
 * is dropped once the change is visible. (SQLite's one connection is held for the whole
 * transaction, so no read falls in between.) Which connection committed is not known, so any
 * commit in those seconds counts: a few more calls, never one too few.
 */
export function heardCommit(): void {
  if (written.size === 0) return;
  const now = Date.now();
  for (const [listener, at] of written) {
    if (now - at > afterCommitMs) written.delete(listener);
    else listener();
  }
}

function tableName(node: OperationNode | undefined): string | null {
  if (!node) return null;
  if (AliasNode.is(node)) return tableName(node.node);
  return TableNode.is(node) ? node.table.identifier.name : null;
}

function writtenTable(node: RootOperationNode): string | null {
  if (InsertQueryNode.is(node)) return tableName(node.into);
  if (UpdateQueryNode.is(node)) return tableName(node.table);
  if (DeleteQueryNode.is(node)) return tableName(node.from.froms[0]);
  return null;
}

/** The Kysely plugin behind watchWrites; connect() gives it to every database it opens. */
export function writeWatchPlugin(): KyselyPlugin {
  const pending = new WeakMap<object, Listener[]>();
  const heard = (table: string | null): Listener[] => (table ? listeners.get(table) ?? [] : []);
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      const toCall = heard(writtenTable(args.node));
      if (toCall.length > 0) {
        const now = Date.now();
        for (const listener of toCall) {
          listener();
          written.set(listener, now);
        }
        pending.set(args.queryId, toCall);
      }
      return args.node;
    },
    transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const toCall = pending.get(args.queryId);
      if (toCall) for (const listener of toCall) listener();
      return Promise.resolve(args.result);
    },
  };
}
