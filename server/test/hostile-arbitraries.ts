import fc from 'fast-check';
import { z } from 'zod';

/**
 * fast-check arbitraries for what a hostile client sends: text, numbers and cursors, and whole
 * request parts built from the OpenAPI document's JSON schemas (valid-looking values mixed with
 * hostile ones, so requests get past validation and reach the database too).
 */

/** A JSON schema as the OpenAPI document gives it (only what the generator reads). */
export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

/** Values the generator should sometimes use: real ids by kind, real list keys, real cursors of the route. */
export type Pools = { ids: (hint: string) => string[]; words: string[]; cursors: string[] };

const rawMark = 'ξRAWξ';
/** A number JSON allows but JSON.stringify never writes (1e400, 30 digits): spliced in by toJson. */
const raw = (literal: string): string => `${rawMark}${literal}${rawMark}`;

/** The request body's text, with raw number literals put in place. */
export const toJson = (value: unknown): string =>
  (JSON.stringify(value) ?? '').replace(new RegExp(`"${rawMark}(.*?)${rawMark}"`, 'g'), (_, literal: string) => literal);

const loneSurrogates = ['\uD800', 'a\uDFFFb', '\uDBFF', 'x\uDC00'];

/** Text meant to break something: encodings, lengths, SQL, HTML, bidi, numbers-as-text. */
const hostileWords = [
  'a\u0000b', '\u0000', 'tab\there', 'line\nbreak', 'bell\u0007', 'esc\u001b[31m', 'del\u007f', '\u202Eevil\u202C', '\u200F\u200E', '\uFEFFbom',
  '👩‍👩‍👧‍👦', '🇪🇸', 'e\u0301', 'Ǆ', 'ß', 'İ', 'Ángela Muñoz', '中文', 'ﬃ', '＝2+5+cmd|\' /C calc\'!A0',
  "'; drop table accounts; --", "' or '1'='1", '" or ""="', '\\', '%', '_', '%00', '%ZZ', '..', '../../etc/passwd', '<script>alert(1)</script>',
  '${7*7}', '{{7*7}}', '=1+1', '@SUM(1)', 'NaN', 'Infinity', '-0', '1e308', '-1e308', '1.5', '0x10', '99999999999999999999999', ' ', '',
  'null', 'true', '[]', '{}', '__proto__', 'constructor',
];

const longWords = ['x'.repeat(61), 'é'.repeat(201), 'ñ'.repeat(1001), 'a'.repeat(10_001), '😀'.repeat(3000)];

/** Hostile text; `pathSafe` leaves out what cannot be written in a URL at all (lone surrogates) or would outgrow a path segment. */
export function hostileText(pathSafe = false): fc.Arbitrary<string> {
  // Code points and code units of our own: fast-check's 'binary' unit takes seconds to set up.
  const anyUnit = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 12 });
  const codePoint = fc.oneof(fc.integer({ min: 0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff })).map((code) => String.fromCodePoint(code));
  const choices: Array<fc.Arbitrary<string>> = [
    fc.constantFrom(...hostileWords),
    fc.string({ unit: codePoint, maxLength: 16 }),
    fc.string({ unit: 'grapheme', maxLength: 16 }),
    fc.tuple(fc.constantFrom(...hostileWords), fc.string({ maxLength: 6 })).map(([a, b]) => `${b}${a}${b}`),
  ];
  if (!pathSafe) choices.push(fc.constantFrom(...longWords, ...loneSurrogates), anyUnit);
  return fc.oneof(...choices);
}

/** Numbers where a client should send a small whole number, as JSON values. */
const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, -0, 0.5, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53 - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE, -(2 ** 63)),
  fc.constantFrom(raw('1e400'), raw('-1e400'), raw('123456789012345678901234567890'), raw('1.0000000000000000001'), raw('-0.0')),
  fc.constantFrom('1', 'NaN', '1e308', null, true, [], {}),
);

/** The same as query-string text. */
const hostileNumberText = fc.constantFrom('0', '-0', '-1', '1.5', '1e308', '-1e308', '1e400', 'NaN', 'Infinity', '99999999999999999999999', '0x10', ' 1', '', '1,5', '２');

const isoEdges = fc.constantFrom(
  '2026-02-31T00:00:00Z', '2026-02-28T24:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '+275760-09-13T00:00:00Z',
  '1970-01-01T00:00:00.000000001Z', '2026-01-01T00:00:00+14:00', '2026-01-01', '2026-13-01T00:00:00Z', 'yesterday',
);
const isoValid = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());

/** Cursor values where a timestamp, a name or an id belongs: wrong types, impossible dates, poison, and now and then a fitting one. */
const cursorSlot = (pools: Pools): fc.Arbitrary<unknown> => fc.oneof(
  { arbitrary: fc.constantFrom(1.5, 1e308, -0, -1, 2 ** 53 + 2, 'a\u0000b', '\u0000', 'x\uDC00', '\uD800', '', null, true, {}, []), weight: 4 },
  { arbitrary: isoEdges, weight: 2 },
  { arbitrary: hostileText(), weight: 2 },
  { arbitrary: fc.oneof(isoValid, fc.constantFrom(...pools.ids('any')), fc.uuid()), weight: 1 },
);

/** A real cursor of the route with one of its parts swapped for something forged: mostly a sort value, sometimes the sort key or the count. */
function tamperedCursor(real: string[], pools: Pools): fc.Arbitrary<string> {
  const parsed = z.array(z.unknown()).array().parse(real.map((cursor) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))));
  return fc.tuple(fc.constantFrom(...parsed), fc.integer({ min: 0, max: 9 }), fc.nat(), cursorSlot(pools)).map(([parts, roll, at, forged]) => {
    const values = parts.length - 2;
    const index = values > 0 && roll >= 2 ? 2 + (at % values) : roll % 2;
    const copy = [...parts];
    copy[index] = forged;
    return Buffer.from(JSON.stringify(copy)).toString('base64url');
  });
}

/** A forged cursor: random base64, base64 JSON shaped like Cartera's with wrong values, or a real one tampered with. */
export function forgedCursor(pools: Pools): fc.Arbitrary<string> {
  const sortKeys = fc.constantFrom('name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'stage', '-stage', 'bin', 'timeline', 'uploaded',
    'pending', 'reminders', '-startAt', 'startAt', '-requestedAt', 'requestedAt', 'nope', '');
  const slot = cursorSlot(pools);
  const count = fc.oneof(fc.nat(20_000), fc.constantFrom(-1, 1.5, 1e308, '3', null));
  const shaped = fc.tuple(sortKeys, count, fc.array(slot, { minLength: 0, maxLength: 4 }))
    .map(([key, counted, values]) => Buffer.from(JSON.stringify([key, counted, ...values])).toString('base64url'));
  const tampered = pools.cursors.length > 0 ? [{ arbitrary: tamperedCursor(pools.cursors, pools), weight: 8 }] : [];
  return fc.oneof(
    ...tampered,
    { arbitrary: shaped, weight: 2 },
    fc.constantFrom(...(pools.cursors.length > 0 ? pools.cursors : ['bm9wZQ'])),
    fc.base64String({ maxLength: 120 }),
    fc.constantFrom('', '=', 'bm9wZQ', '!!!', Buffer.from('{"__proto__":{"x":1}}').toString('base64url'), 'A'.repeat(500), Buffer.from('[1e400]').toString('base64')),
    hostileText(),
  );
}

const matchers = new Map<string, fc.Arbitrary<string>>();

/** Text a pattern accepts, built once per pattern; a long pattern (a date's) or one
 * of Unicode properties is left to the other choices: generating from those takes seconds. */
function matching(pattern: string): fc.Arbitrary<string> {
  const known = matchers.get(pattern);
  if (known) return known;
  let built: fc.Arbitrary<string>;
  try {
    const slow = pattern.length > 120 || /\\[pP]\{/.test(pattern);
    built = slow ? fc.string({ maxLength: 10 }) : fc.stringMatching(new RegExp(pattern, 'u'));
  } catch {
    built = fc.string({ maxLength: 10 });
  }
  matchers.set(pattern, built);
  return built;
}

/**
 * How hostile a generated value is: `fit` is what the schema asks for (exotic but legal text
 * included), so the request gets past validation to the database; `mixed` is hostile more often
 * than not, all the way down.
 */
export type Mode = 'fit' | 'mixed';

/** Text that is legal anywhere: odd scripts, bidi marks, emoji, SQL and HTML metacharacters. */
const legalOddities = hostileWords.filter((word) => word !== '' && word.trim() !== '' && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(word));

function fittingString(schema: Schema, pools: Pools, hint: string): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.format === 'uuid') return fc.oneof({ arbitrary: fc.constantFrom(...pools.ids(hint)), weight: 3 }, fc.constantFrom(...pools.ids('any')), fc.uuid());
  if (schema.format === 'date-time') return isoValid;
  if (/email/i.test(hint)) return fc.constantFrom('ana@example.com', 'ANA.Muñoz@Example.com', 'o\'brien@example.ie');
  if (schema.pattern) return fc.oneof({ arbitrary: fc.constantFrom(...pools.words), weight: 3 }, matching(schema.pattern));
  const min = Math.max(schema.minLength ?? 0, 1);
  const max = Math.min(schema.maxLength ?? 30, 30);
  const oddities = legalOddities.filter((word) => word.length >= min && word.length <= (schema.maxLength ?? 100));
  const plain = fc.string({ minLength: min, maxLength: Math.max(min, max) });
  return oddities.length > 0 ? fc.oneof(plain, fc.constantFrom(...oddities)) : plain;
}

/** A string for a schema: fitting, or (mixed) fitting with poison in it, hostile text, or a number. */
function stringFor(schema: Schema, pools: Pools, hint: string, mode: Mode): fc.Arbitrary<unknown> {
  const fitting = fittingString(schema, pools, hint);
  if (mode === 'fit') return fitting;
  const edges = schema.format === 'date-time' ? [isoEdges] : [];
  return fc.oneof(
    { arbitrary: fitting, weight: 2 },
    { arbitrary: poisoned(fitting), weight: 3 },
    { arbitrary: fc.oneof(hostileText(), ...edges), weight: 3 },
    { arbitrary: hostileNumber, weight: 1 },
  );
}

/** What a database may choke on, hidden inside otherwise fitting text. */
const poisons = ['\u0000', '\u0000', '\u0000', '\u0001', '\u001b', '\u0008', '\uD800', '\uDFFF'];

/** A fitting value with a poison character put somewhere in it (non-text values pass through). */
const poisoned = (fitting: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.tuple(fitting, fc.constantFrom(...poisons), fc.nat()).map(([value, poison, at]) => {
    if (typeof value !== 'string') return value;
    const cut = value.length === 0 ? 0 : at % (value.length + 1);
    return `${value.slice(0, cut)}${poison}${value.slice(cut)}`;
  });

const typesOf = (schema: Schema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

const strangeKeys = ['__proto__', 'constructor', 'a\u0000b', '\uD800', 'role', 'isAdmin', 'version', 'id', 'ownerIds', ''];

/** A JSON value for a schema, fitting or hostile by mode. */
export function valueFor(schema: Schema, pools: Pools, mode: Mode, hint = ''): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (branches && branches.length > 0) return fc.oneof(...branches.map((branch) => valueFor(branch, pools, mode, hint)));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => valueFor({ ...schema, type }, pools, mode, hint)));
  switch (types[0]) {
    case 'string':
      return stringFor(schema, pools, hint, mode);
    case 'integer':
    case 'number': {
      const fitting = fc.integer({ min: Math.ceil(Math.max(schema.minimum ?? 0, -1e9)), max: Math.floor(Math.min(schema.maximum ?? 1000, 1e9)) });
      return mode === 'fit' ? fitting : fc.oneof(fitting, hostileNumber);
    }
    case 'boolean':
      return mode === 'fit' ? fc.boolean() : fc.oneof({ arbitrary: fc.boolean(), weight: 3 }, { arbitrary: fc.constantFrom('true', 1, 0, null, 'yes'), weight: 1 });
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayFor(schema, pools, mode, hint);
    case 'object':
      return objectFor(schema, pools, mode);
    default:
      return mode === 'fit' ? fc.constant(null) : fc.oneof(hostileText(), hostileNumber);
  }
}

function arrayFor(schema: Schema, pools: Pools, mode: Mode, hint: string): fc.Arbitrary<unknown> {
  const items = schema.items ? valueFor(schema.items, pools, mode, hint) : hostileText();
  const max = Math.min(schema.maxItems ?? 3, 3);
  const fitting = fc.array(items, { minLength: Math.min(schema.minItems ?? 0, max), maxLength: max });
  if (mode === 'fit') return fitting;
  // One past the limit, where the limit is small enough to send.
  const over = schema.maxItems !== undefined && schema.maxItems <= 50 ? [fc.array(items, { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 1 })] : [];
  return fc.oneof({ arbitrary: fitting, weight: 4 }, ...over, fc.constantFrom('not an array', null, {}));
}

/**
 * An object for a schema. `focus` names one property that is always sent and always mixed while
 * the rest fit: one hostile field at a time reaches further than many at once.
 */
export function objectFor(schema: Schema, pools: Pools, mode: Mode, focus?: string): fc.Arbitrary<unknown> {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const value = valueFor(property, pools, key === focus ? 'mixed' : mode, key);
    const odds = key === focus ? 10 : required.has(key) ? (mode === 'fit' ? 10 : 9) : 5;
    return fc.tuple(fc.integer({ min: 0, max: 9 }), value).map(([roll, picked]): [string, unknown] | null => (roll < odds ? [key, picked] : null));
  });
  const extras = mode === 'fit'
    ? fc.constant([])
    : typeof schema.additionalProperties === 'object'
      ? fc.array(fc.tuple(fc.oneof(fc.constantFrom(...strangeKeys), fc.string({ maxLength: 8 })), valueFor(schema.additionalProperties, pools, mode)), { maxLength: 2 })
      : fc.oneof({ arbitrary: fc.constant([]), weight: 6 }, { arbitrary: fc.array(fc.tuple(fc.constantFrom(...strangeKeys), fc.oneof(hostileText(), hostileNumber)), { maxLength: 1 }), weight: 1 });
  const object = fc.tuple(fc.tuple(...entries), extras).map(([picked, extra]) =>
    // fromEntries makes "__proto__" an own key, as a JSON body has it.
    Object.fromEntries([...picked.filter((entry): entry is [string, unknown] => entry !== null), ...extra]));
  return mode === 'fit' ? object : fc.oneof({ arbitrary: object, weight: 8 }, { arbitrary: fc.constantFrom(null, [], 'text', 0), weight: 1 });
}

/** Text for a query-string parameter of this schema. */
export function queryValueFor(schema: Schema, pools: Pools, name: string, mode: Mode): fc.Arbitrary<string> {
  if (name === 'cursor') return mode === 'fit' ? fc.constantFrom(...(pools.cursors.length > 0 ? pools.cursors : [''])) : forgedCursor(pools);
  const types = typesOf(schema);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) return fc.oneof(...branches.map((branch) => queryValueFor(branch, pools, name, mode)));
  if (types.includes('integer') || types.includes('number')) {
    const fitting = fc.integer({ min: Math.ceil(Math.max(schema.minimum ?? 0, -1e6)), max: Math.floor(Math.min(schema.maximum ?? 1000, 1e6)) }).map(String);
    return mode === 'fit' ? fitting : fc.oneof(fitting, hostileNumberText);
  }
  return stringFor(schema, pools, name, mode).map((value) => (typeof value === 'string' ? value : toJson(value)));
}

/** A URL component, percent-encoded; a lone surrogate goes as the bytes a broken client would send. */
export function encodeComponent(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code >= 0xd800 && code <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(char);
  }
  return out;
}
