import type { User } from '@contract/users';
import type { UserRow } from '@server/db/database';

/** What leaves the server about a user: never the password hash. */
export const presentUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  scope: row.scope,
  teamId: row.team_id,
  crmManager: row.crm_manager,
  language: row.language,
  active: row.active,
  createdAt: row.created_at,
  version: row.version,
});
