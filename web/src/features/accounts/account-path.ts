/** Where an account opens: leads on their lead page, everything else on the account page. */
export const accountPath = (account: { id: string; stage: string }): string => (account.stage === 'lead' ? `/leads/${account.id}` : `/accounts/${account.id}`);
