// Tables of projects (issue 22).
import type { ColumnType } from 'kysely';

type Timestamp = string;

/** A project of an organization; its tasks are activities with its id in `project_id`. */
export interface ProjectsTable {
  id: string;
  organization_id: string;
  /** The organization's discarded_at, kept by a trigger: the project is visible only while it is null. */
  organization_discarded_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  name: string;
  name_norm: string;
  status: 'planned' | 'active' | 'on_hold' | 'done' | 'cancelled';
  start_on: string | null;
  end_on: string | null;
  description: string | null;
  /** Integer minor units of `budget_currency`; both null when there is no budget. */
  budget_amount: number | null;
  budget_currency: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
}

/** A responsible user of a project. */
export interface ProjectResponsiblesTable {
  project_id: string;
  user_id: string;
  created_at: Timestamp;
}
