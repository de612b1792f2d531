import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';
import { booleanColumns } from './database';

class BooleanToInteger extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = node.value;
    return typeof value === 'boolean' ? { ...node, value: value ? 1 : 0 } : super.transformValue(node);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    const values = node.values.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
    return { ...node, values };
  }
}

/**
 * SQLite has no boolean type and better-sqlite3 will not bind one: booleans go in as 0/1
 * and the known boolean columns come back as booleans, so repositories see what pg gives.
 */
export class SqliteBooleanPlugin implements KyselyPlugin {
  readonly #transformer = new BooleanToInteger();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = args.result.rows.map((row) => {
      let copy: UnknownRow | null = null;
      for (const key of Object.keys(row)) {
        if (booleanColumns.has(key) && typeof row[key] === 'number') {
          copy ??= { ...row };
          copy[key] = row[key] === 1;
        }
      }
      return copy ?? row;
    });
    return { ...args.result, rows };
  }
}
