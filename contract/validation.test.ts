import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { accountCreateSchema } from './accounts';
import { contactCreateSchema } from './contacts';
import { userCreateSchema } from './users';
import { fieldIssue, fieldIssues } from './validation';

/** The field errors a form shows for an input: field path → stable code. */
function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => {
      const mapped = fieldIssue({ code: issue.code, path: issue.path, message: issue.message, params: { ...issue } });
      return [mapped.field, mapped.code];
    }),
  );
}

describe('fieldIssue maps zod issues to stable codes', () => {
  const schema = z.strictObject({
    name: z.string().min(1).max(5),
    password: z.string().min(10),
    tags: z.array(z.string()).max(2),
    age: z.number().int().max(120),
    email: z.email(),
    id: z.uuid(),
    code: z.string().regex(/^[A-Z]+$/),
    role: z.enum(['admin', 'agent']),
    items: z.array(z.object({ qty: z.number().min(1) })),
  });

  test.each([
    ['an empty required string', { name: '' }, 'name', 'required'],
    ['a missing field', {}, 'name', 'required'],
    ['a string below its minimum', { password: 'short' }, 'password', 'too_short'],
    ['a string above its maximum', { name: 'toolong' }, 'name', 'too_long'],
    ['an array above its maximum', { tags: ['a', 'b', 'c'] }, 'tags', 'too_many'],
    ['a number above its maximum', { age: 200 }, 'age', 'too_big'],
    ['a number below its minimum, nested in an array', { items: [{ qty: 1 }, { qty: 0 }] }, 'items.1.qty', 'too_small'],
    ['a bad e-mail', { email: 'nope' }, 'email', 'invalid_email'],
    ['a bad uuid', { id: '123' }, 'id', 'invalid_uuid'],
    ['a failed pattern', { code: 'abc' }, 'code', 'invalid_format'],
    ['a value outside an enum', { role: 'boss' }, 'role', 'invalid_value'],
    ['a value of the wrong type', { age: 'old' }, 'age', 'invalid_type'],
    ['an unknown key', { extra: 1 }, '', 'unknown_field'],
  ])('%s', (_label, input, field, code) => {
    expect(fieldErrors(schema, input)[field]).toBe(code);
  });

  test('limits travel with the code, for messages like "at least 10"', () => {
    const issue = schema.safeParse({ password: 'short' }).error?.issues.find((i) => i.path[0] === 'password');
    if (!issue) throw new Error('no issue');
    expect(fieldIssue({ code: issue.code, path: issue.path, message: issue.message, params: { ...issue } }).params).toMatchObject({ minimum: 10 });
  });

  test('an unknown-keys issue names each key it refused, under its object', () => {
    const issue = z.strictObject({ a: z.strictObject({ b: z.string() }) }).safeParse({ a: { b: 'x', c: 1, d: 2 } }).error?.issues[0];
    if (!issue) throw new Error('no issue');
    expect(fieldIssues({ code: issue.code, path: issue.path, message: issue.message, params: { ...issue } }).map((f) => [f.field, f.code]))
      .toEqual([['a.c', 'unknown_field'], ['a.d', 'unknown_field']]);
    expect(fieldIssues({ code: 'too_small', path: ['x'], message: '', params: { origin: 'string', minimum: 1 } })).toHaveLength(1);
  });

  test('a custom issue carries its own code', () => {
    expect(fieldIssue({ code: 'custom', path: ['firstName'], message: 'required', params: { params: { code: 'required' } } })).toMatchObject({ field: 'firstName', code: 'required' });
    expect(fieldIssue({ code: 'custom', path: ['x'], message: 'whatever' }).code).toBe('invalid');
    expect(fieldIssue({ code: 'something_new', path: [], message: '' }).code).toBe('invalid');
  });
});

describe('the contract schemas give the field errors the forms show', () => {
  test('accounts: the name the kind needs, and each bad e-mail by its index', () => {
    expect(fieldErrors(accountCreateSchema, { kind: 'organization', emails: ['a@b.co', 'bad'] })).toEqual({ 'emails.1': 'invalid_email', name: 'required' });
    expect(fieldErrors(accountCreateSchema, { kind: 'person', name: 'Org name on a person' })).toEqual({ firstName: 'required' });
    expect(fieldErrors(accountCreateSchema, { kind: 'organization', name: 'Ok', phones: ['12'] })).toEqual({ 'phones.0': 'too_short' });
  });

  test('contacts: exactly one way to name the other side', () => {
    expect(fieldErrors(contactCreateSchema, {})).toEqual({ otherId: 'one_of' });
    expect(fieldErrors(contactCreateSchema, { otherId: '01900000-0000-7000-8000-000000000000', newOrganization: { name: 'X' } })).toEqual({ otherId: 'one_of' });
    expect(fieldErrors(contactCreateSchema, { newPerson: { firstName: '' } })).toEqual({ 'newPerson.firstName': 'required' });
  });

  test('users: defaults for a new sales agent', () => {
    expect(userCreateSchema.parse({ email: ' A@B.CO ', name: 'A', password: 'long-enough' })).toMatchObject({ email: 'a@b.co', role: 'agent', scope: 'own', crmManager: false, language: 'es' });
  });

  test('a field path is the zod path joined with dots, whatever its parts (property)', () => {
    const part = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('.')), fc.nat(50));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (path) => {
        expect(fieldIssue({ code: 'invalid_type', path, message: 'expected string, received number' }).field).toBe(path.map(String).join('.'));
      }),
    );
  });
});
