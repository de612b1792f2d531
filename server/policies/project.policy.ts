import type { RawBuilder, SqlBool } from 'kysely';
import type { Actor } from './actor';
import { organizationWorkScope } from './organization-work';

export type ProjectAction = 'read' | 'create' | 'update' | 'export';

/**
 * The projects the actor may see, as a condition on a projects table under `alias`: exactly those
 * whose organization they see. Every list, count, export, page and counter of projects goes through this.
 */
export const projectScope = (actor: Actor, alias = 'projects'): RawBuilder<SqlBool> => organizationWorkScope(actor, alias);

/** Projects follow their organization: whoever sees it (projectScope decides, in SQL) works its projects. */
export function canProject(actor: Actor, action: ProjectAction): boolean {
  switch (action) {
    case 'read':
    case 'create':
    case 'update':
    case 'export':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
  }
}
