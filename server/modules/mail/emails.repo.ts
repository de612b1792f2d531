import type { Db } from '@server/db/database';
import type { EmailBulkRow, EmailMessageRow } from '@server/db/mail-tables';
import { activityScope, type Actor } from '@server/policies';

export type EmailView = EmailMessageRow & { author_name: string | null };

/**
 * A message the actor may see: exactly when they may see its activity (the account in their
 * portfolio, and not private unless it is theirs or they see private activities).
 */
function visibleMessages(db: Db, actor: Actor) {
  return db
    .selectFrom('email_messages')
    .innerJoin('activities', 'activities.id', 'email_messages.activity_id')
    .innerJoin('accounts', 'accounts.id', 'activities.account_id')
    .leftJoin('users', 'users.id', 'email_messages.author_id')
    .selectAll('email_messages')
    .select('users.name as author_name')
    .where(activityScope(actor));
}

export const findVisibleEmail = (db: Db, actor: Actor, id: string): Promise<EmailView | undefined> =>
  visibleMessages(db, actor).where('email_messages.id', '=', id).executeTakeFirst();

export const findVisibleEmailOfActivity = (db: Db, actor: Actor, activityId: string): Promise<EmailView | undefined> =>
  visibleMessages(db, actor).where('email_messages.activity_id', '=', activityId).executeTakeFirst();

export const findBulk = (db: Db, id: string): Promise<EmailBulkRow | undefined> =>
  db.selectFrom('email_bulks').selectAll().where('id', '=', id).executeTakeFirst();
