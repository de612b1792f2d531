import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isAdmin, type Actor } from './actor';

export type ImportAction = 'create' | 'read' | 'run' | 'undo';

/**
 * Imports the actor may see: their own, or every one for admins. Someone else's import reads
 * "not found", like an account outside the portfolio. Jobs follow the same rule.
 */
export function importScope(actor: Actor, alias = 'imports'): RawBuilder<SqlBool> {
  if (isAdmin(actor)) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(`${alias}.created_by`)} = ${actor.id}`;
}

/** Every role may import (seed 001: people "added one by one or by loading a CSV file"). */
export const canImport = (actor: Actor, _action: ImportAction): boolean =>
  actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';

/** A job is visible to whoever queued it and to admins. */
export const canSeeJob = (actor: Actor, job: { created_by: string | null }): boolean =>
  isAdmin(actor) || job.created_by === actor.id;
