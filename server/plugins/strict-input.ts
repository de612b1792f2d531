import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';

/**
 * Strict API input in one place: every object a route reads from its body, query string or path
 * parameters refuses keys the contract does not know (400 validation_failed naming each), instead
 * of dropping them silently, so a misspelt or misplaced field (`country` at the top of an account)
 * never looks saved. Objects that take any key on purpose (records, `z.looseObject`) keep doing so.
 * The contract's schemas stay as they are for the web and for responses; routes get strict copies,
 * and the OpenAPI document, made from the same copies, says `additionalProperties: false`.
 */

const strictCopies = new WeakMap<z.ZodType, z.ZodType>();
const never = z.never();

const isSchema = (value: unknown): value is z.ZodType => value instanceof z.ZodType;
/** A field of a schema's definition, read without trusting its static type (zod's defs differ per kind). */
const defField = (schema: z.ZodType, key: string): unknown => Reflect.get(schema._zod.def, key);
const schemaList = (value: unknown): z.ZodType[] | null => (Array.isArray(value) && value.every(isSchema) ? value : null);
/** The schema rebuilt by zod from its own definition with some fields replaced (checks, refinements kept). */
function copy(schema: z.ZodType, changes: Record<string, unknown>): z.ZodType {
  const def = { ...schema._zod.def, ...changes };
  return schema.clone(def);
}

/** Wrappers whose input is their `innerType`'s. */
const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch', 'promise', 'success']);

function build(schema: z.ZodType): z.ZodType {
  const type = schema._zod.def.type;
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape).filter((entry): entry is [string, z.ZodType] => isSchema(entry[1])).map(([key, value]) => [key, strictInput(value)]));
    // A catchall already set (loose objects, z.object().catchall(x)) is a choice: keep it.
    return copy(schema, { shape, catchall: defField(schema, 'catchall') ?? never });
  }
  const inner = defField(schema, 'innerType');
  if (wrappers.has(type) && isSchema(inner)) return copy(schema, { innerType: strictInput(inner) });
  const element = defField(schema, 'element');
  if (type === 'array' && isSchema(element)) return copy(schema, { element: strictInput(element) });
  const valueType = defField(schema, 'valueType');
  if (type === 'record' && isSchema(valueType)) return copy(schema, { valueType: strictInput(valueType) });
  const options = schemaList(defField(schema, 'options'));
  if (type === 'union' && options) return copy(schema, { options: options.map(strictInput) });
  const items = schemaList(defField(schema, 'items'));
  if (type === 'tuple' && items) {
    const rest = defField(schema, 'rest');
    return copy(schema, { items: items.map(strictInput), rest: isSchema(rest) ? strictInput(rest) : rest });
  }
  const [input, output] = [defField(schema, 'in'), defField(schema, 'out')];
  if (type === 'pipe' && isSchema(input) && isSchema(output)) return copy(schema, { in: strictInput(input), out: strictInput(output) });
  const getter = defField(schema, 'getter');
  if (type === 'lazy' && typeof getter === 'function') {
    return copy(schema, { getter: () => { const target: unknown = getter(); return isSchema(target) ? strictInput(target) : target; } });
  }
  // Intersections would refuse each side's keys on the other; route input uses .extend() instead.
  if (type === 'intersection') throw new Error('strict-input: intersections are not supported in route input; use .extend()');
  return schema;
}

/** The schema with every plain object in it strict (memoised: shared pieces are copied once). */
export function strictInput(schema: z.ZodType): z.ZodType {
  const known = strictCopies.get(schema);
  if (known) return known;
  const strict = build(schema);
  strictCopies.set(schema, strict);
  strictCopies.set(strict, strict);
  return strict;
}

/** What a private route that reads no query string accepts in it: nothing. */
const noQuery = z.strictObject({});

function strictRoute(route: RouteOptions): void {
  const isApi = route.config?.public !== true && route.config?.asset !== true && Reflect.get(route.schema ?? {}, 'hide') !== true;
  const schema = isApi ? (route.schema ??= {}) : route.schema;
  if (!schema) return;
  if (isApi) schema.querystring ??= noQuery;
  if (isSchema(schema.body)) schema.body = strictInput(schema.body);
  if (isSchema(schema.querystring)) schema.querystring = strictInput(schema.querystring);
  if (isSchema(schema.params)) schema.params = strictInput(schema.params);
}

/** Registered before the routes and the OpenAPI plugin, so both see the strict copies. */
export const strictInputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', strictRoute);
});
