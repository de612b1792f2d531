/** Query keys of the e-mail feature. */
export const mailKeys = {
  all: ['mail'] as const,
  settings: () => [...mailKeys.all, 'settings'] as const,
  outbox: (status: string) => [...mailKeys.all, 'outbox', status] as const,
  templates: () => [...mailKeys.all, 'templates'] as const,
  recipients: (accountId: string) => [...mailKeys.all, 'recipients', accountId] as const,
  ofActivity: (activityId: string) => [...mailKeys.all, 'activity', activityId] as const,
  accountStatus: (accountId: string) => [...mailKeys.all, 'account-status', accountId] as const,
};
