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
 * of `tables` (raw `sql` text is not parsed). It runs when the query is compiled and again when
 * it has run: a reader that loaded the old rows in between still sees its copy dropped.
 */
export function watchWrites(tables: readonly string[], listener: Listener): void {
  for (const table of tables) listeners.set(table, [...(listeners.get(table) ?? []), listener]);
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
        for (const listener of toCall) listener();
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
