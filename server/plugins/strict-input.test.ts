import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { strictInput } from './strict-input';

/** The paths of the keys a schema's strict copy refuses in an input. */
function refusedKeys(schema: z.ZodType, input: unknown): string[] {
  const result = strictInput(schema).safeParse(input);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => issue.code === 'unrecognized_keys')
    .flatMap((issue) => issue.keys.map((key) => [...issue.path, key].join('.')));
}

describe('strict copies of route input schemas', () => {
  const address = z.object({ city: z.string().optional() });
  const schema = z.object({
    name: z.string(),
    address: address.optional(),
    billing: address.nullable().default(null),
    lines: z.array(z.object({ qty: z.number() })).optional(),
    contact: z.union([z.object({ email: z.string() }), z.object({ phone: z.string() })]).optional(),
    kind: z.discriminatedUnion('type', [z.object({ type: z.literal('a'), a: z.string() }), z.object({ type: z.literal('b') })]).optional(),
    extra: z.record(z.string(), z.object({ v: z.string() })).optional(),
    free: z.looseObject({ known: z.string().optional() }).optional(),
    piped: z.preprocess((value) => value, z.object({ x: z.number() })).optional(),
  }).superRefine((value, ctx) => {
    if (value.name === 'bad') ctx.addIssue({ code: 'custom', path: ['name'], message: 'bad' });
  });

  test.each([
    ['at the top', { name: 'a', country: 'ES' }, ['country']],
    ['in an optional object', { name: 'a', address: { city: 'Lugo', zip: '1' } }, ['address.zip']],
    ['in a nullable defaulted object', { name: 'a', billing: { town: 'x' } }, ['billing.town']],
    ['in an array of objects', { name: 'a', lines: [{ qty: 1 }, { qty: 2, price: 3 }] }, ['lines.1.price']],
    ['in a discriminated union', { name: 'a', kind: { type: 'b', b: 1 } }, ['kind.b']],
    ['in a record value', { name: 'a', extra: { k: { v: 'x', w: 'y' } } }, ['extra.k.w']],
    ['behind a preprocess', { name: 'a', piped: { x: 1, y: 2 } }, ['piped.y']],
  ])('an unknown key %s is refused by name', (_label, input, keys) => {
    expect(refusedKeys(schema, input)).toEqual(keys);
  });

  test('a union refuses a key none of its options knows', () => {
    expect(strictInput(schema).safeParse({ name: 'a', contact: { email: 'x', fax: '1' } }).success).toBe(false);
    expect(strictInput(schema).safeParse({ name: 'a', contact: { phone: '1' } }).success).toBe(true);
  });

  test('what the contract knows still parses the same, refinements and defaults included', () => {
    const input = { name: 'a', address: { city: 'Lugo' }, lines: [{ qty: 1 }], kind: { type: 'a', a: 'x' }, extra: { k: { v: 'x' } }, free: { known: 'k', anything: 1 }, piped: { x: 1 } };
    expect(strictInput(schema).parse(input)).toEqual(schema.parse(input));
    expect(strictInput(schema).safeParse({ name: 'bad' }).success).toBe(false);
  });

  test('loose objects and records stay open; the contract schema itself stays as it was', () => {
    expect(refusedKeys(schema, { name: 'a', free: { whatever: true }, extra: { anyKey: { v: 'x' } } })).toEqual([]);
    expect(schema.safeParse({ name: 'a', country: 'ES' }).success).toBe(true);
  });

  test('copies are made once and are their own strict copy', () => {
    expect(strictInput(schema)).toBe(strictInput(schema));
    expect(strictInput(strictInput(schema))).toBe(strictInput(schema));
  });
});
