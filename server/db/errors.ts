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
