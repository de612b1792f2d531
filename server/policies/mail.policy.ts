import { isAdmin, type Actor } from './actor';

export type MailAction = 'configure' | 'send' | 'sendBulk' | 'resubscribe' | 'manageOutbox';
export type TemplateAction = 'read' | 'write';

/**
 * E-mail: only admins configure SMTP, decide on stuck messages and let an unsubscribed address
 * receive bulk mail again. Everyone sends, from records in their portfolio (accountScope decides
 * which, in SQL), one message or a bulk send.
 */
export function canMail(actor: Actor, action: MailAction): boolean {
  switch (action) {
    case 'configure':
    case 'resubscribe':
    case 'manageOutbox':
      return isAdmin(actor);
    case 'send':
    case 'sendBulk':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
  }
}

/** Templates: everyone picks one; admins and managers write them. */
export function canTemplate(actor: Actor, action: TemplateAction): boolean {
  return action === 'read' ? true : actor.role === 'admin' || actor.role === 'manager';
}
