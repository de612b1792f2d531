import { useState } from 'react';
import { isApiError } from '@web/app/api-client';

const assigneeError = 'assignee_cannot_see_account';

/**
 * Saving work for someone who cannot see its account: the server refuses (422), the form asks
 * "add them as an owner?", and a yes saves again with addAssigneeAsOwner. The server decides who
 * sees what; the form only asks.
 */
export function useAssigneeConfirm() {
  const [asking, setAsking] = useState(false);
  return {
    asking,
    /** True (and now asking) when the error is that refusal; other errors are the caller's. */
    ask: (error: unknown): boolean => {
      const refused = isApiError(error, assigneeError);
      if (refused) setAsking(true);
      return refused;
    },
    close: () => setAsking(false),
    /** The error to show in the form: the refusal is shown as the question instead. */
    shown: (error: unknown): unknown => (isApiError(error, assigneeError) ? null : error),
  };
}
