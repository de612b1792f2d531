import { AppError, type FieldError } from '@server/lib/errors';

/**
 * True when a write failed on a unique constraint, on either driver. A check-then-insert can
 * lose a race to a parallel request; the constraint is the last word, and its violation is a
 * conflict the user can act on, not an internal error.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

const isForeignKeyViolation = (error: object): boolean =>
  'code' in error && (error.code === '23503' || error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY');

const text = (error: object, key: string): string => {
  const value: unknown = Reflect.get(error, key);
  return typeof value === 'string' ? value : '';
};

/**
 * The table and columns of a violated unique key, as both drivers say it: PostgreSQL in the
 * error's table and detail ("Key (a, b)=(…) already exists."), SQLite in its message
 * ("UNIQUE constraint failed: t.a, t.b").
 */
function uniqueKeyOf(error: object): string {
  const pgColumns = /^Key \((.+?)\)=/.exec(text(error, 'detail'))?.[1];
  if (pgColumns !== undefined) return `${text(error, 'table')}(${pgColumns})`;
  const sqlite = /UNIQUE constraint failed: (.+)$/.exec(text(error, 'message'))?.[1] ?? '';
  const columns = sqlite.split(', ').map((column) => column.trim().split('.'));
  const table = columns[0]?.length === 2 ? columns[0][0] : '';
  return `${table}(${columns.map((parts) => parts[parts.length - 1]).join(', ')})`;
}

const invalid = (field: string, code: string) => new AppError('validation_failed', { fields: [{ field, code }] });

/**
 * Each unique key a client can race for, answered as the check that runs before the insert
 * answers it: the request that loses the race gets what it would have got a moment later.
 */
const knownKeys: Record<string, () => AppError> = {
  'tags(name_norm)': () => invalid('name', 'taken'),
  'users(email)': () => new AppError('email_taken', { fields: [{ field: 'email', code: 'email_taken' }] }),
  'contacts(person_id, organization_id)': () => new AppError('contact_exists'),
  'list_items(list_key, key)': () => invalid('key', 'taken'),
  'account_traits(account_id, kind, item_key)': () => invalid('key', 'trait_exists'),
  'account_relationships(account_id, related_id, reason)': () => invalid('reason', 'relationship_exists'),
};

/** A column as the API names its field: camelCase, without the normalised twin's suffix. */
const fieldOf = (column: string): string => column.replace(/_norm$/, '').replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A constraint violation as the client should see it, or null for any other error. A unique key
 * is a known conflict (see knownKeys) or else 409 conflict naming the key's last column; a
 * foreign key (the row referred to went away meanwhile, or is still referred to) is 409 conflict.
 * Both drivers answer alike, so both databases do.
 */
export function constraintError(error: unknown): AppError | null {
  if (typeof error !== 'object' || error === null) return null;
  if (isUniqueViolation(error)) {
    const key = uniqueKeyOf(error);
    const known = knownKeys[key];
    if (known) return known();
    const last = /\(([^()]*)\)$/.exec(key)?.[1]?.split(', ').pop() ?? '';
    const fields: FieldError[] = last === '' ? [] : [{ field: fieldOf(last), code: 'taken' }];
    return new AppError('conflict', { fields });
  }
  if (isForeignKeyViolation(error)) return new AppError('conflict');
  return null;
}
