import type { Actor } from './actor';

export type DashboardAction = 'read' | 'filterPeople';

/**
 * Everyone reads the dashboard, each chart counted under their own scope. Filtering it by an owner
 * or a team other than oneself is a manager's view of their people: an agent who asks for it is
 * refused (403) rather than answered with their own scope under someone else's name.
 */
export function canDashboard(actor: Actor, action: DashboardAction): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'filterPeople':
      return actor.role === 'admin' || actor.role === 'manager';
  }
}
