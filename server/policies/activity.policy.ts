import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { accountScope } from './account.policy';
import { isAdmin, seesPrivateActivities, type Actor } from './actor';

export type ActivityAction = 'read' | 'create' | 'update';
export type RequestAction = 'read' | 'create' | 'update';
export type LeadAction = 'qualify' | 'unqualify';

export { seesPrivateActivities };

/**
 * The privacy half of the rule, for an activities table under `alias`: a private activity is
 * visible only to its responsible user, CRM managers and admins.
 */
export function activityPrivacy(actor: Actor, alias = 'activities'): RawBuilder<SqlBool> {
  if (seesPrivateActivities(actor)) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(not ${sql.ref(`${alias}.is_private`)} or ${sql.ref(`${alias}.responsible_id`)} = ${actor.id})`;
}

/**
 * The activities the actor may see, as SQL: its account is in the actor's portfolio AND it is
 * not private, or the actor is its responsible user, a CRM manager or an admin. The query must
 * join the activity's account as `accountAlias`. Every list, count, calendar, feed, timeline
 * and the bell go through this.
 */
export function activityScope(actor: Actor, alias = 'activities', accountAlias = 'accounts'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${accountScope(actor, accountAlias)} and ${activityPrivacy(actor, alias)})`;
}

/**
 * For the account history: audit rows about an activity the actor may not see are left out
 * (the account itself is already in the portfolio there).
 */
export function auditRowVisible(actor: Actor, auditAlias = 'audit_log'): RawBuilder<SqlBool> {
  if (seesPrivateActivities(actor)) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.ref(`${auditAlias}.entity`)} <> 'activity' or exists (
    select 1 from activities pa where pa.id = ${sql.ref(`${auditAlias}.entity_id`)} and ${activityPrivacy(actor, 'pa')}))`;
}

/**
 * Whoever sees an activity (or a request) on an account in their portfolio may create and
 * update them: the daily work of the account's responsible users (seed 002).
 */
export const canActivity = (_actor: Actor, _action: ActivityAction): boolean => true;
export const canRequest = (_actor: Actor, _action: RequestAction): boolean => true;

/** Qualifying is part of working a lead; undoing it is an admin's correction. */
export function canLead(actor: Actor, action: LeadAction): boolean {
  return action === 'qualify' ? true : isAdmin(actor);
}
