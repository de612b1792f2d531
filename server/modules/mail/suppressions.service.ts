import type { AccountEmailStatus } from '@contract/emails';
import { resubscribeSchema } from '@contract/emails';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { authorize, can, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { fieldsOf } from '@server/modules/accounts/account-fields';
import { suppressionHistory, suppressionsOf, unsuppress } from './suppressions.repo';

/** An account's addresses: whether bulk mail reaches them, since when not, and who changed that. */
export async function accountEmailStatus(db: Db, actor: Actor, accountId: string): Promise<AccountEmailStatus> {
  const account = await requireVisibleAccount(db, actor, accountId);
  const addresses = fieldsOf(account).emails;
  const suppressed = await suppressionsOf(db, addresses);
  const history = await suppressionHistory(db, addresses);
  return {
    canResubscribe: can(actor, { domain: 'mail', action: 'resubscribe' }),
    items: addresses.map((address) => ({
      address,
      status: suppressed.get(address)?.reason ?? 'ok',
      since: suppressed.get(address)?.at ?? null,
      history: history.filter((event) => event.address_norm === address).map((event) => ({
        action: event.action, at: event.at, note: event.note,
        actor: event.actor_id && event.actor_name !== null ? { id: event.actor_id, name: event.actor_name } : null,
      })),
    })),
  };
}

/** Only an admin lets bulk mail reach an unsubscribed or bounced address again; the history says who and why. */
export async function resubscribe(db: Db, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, { domain: 'mail', action: 'resubscribe' });
  const data = resubscribeSchema.parse(input);
  const done = await db.transaction().execute((trx) => unsuppress(trx, data.address, actor.id, data.note ?? null));
  if (!done) throw new AppError('not_found');
}
