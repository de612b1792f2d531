import type { ListCase } from './lists-bench';

// Issue 22 item 4: the accounts list with the four company counters shown as columns, sorted by
// invoiced this year (the column the triggers keep, and its index), and filtered by the counters.

const columns = { counters: 'activeProjects,openTasks,unsignedAgreements,invoicedThisYear', limit: '50' };

export const counterCases = (laterPage: number): ListCase[] => [
  { name: 'accounts with counter columns, sorted by invoiced this year', path: '/api/v1/accounts', params: { ...columns, sort: '-invoicedThisYear' }, laterPage },
  { name: 'organizations with counter columns, sorted by invoiced this year', path: '/api/v1/accounts', params: { ...columns, kind: 'organization', sort: '-invoicedThisYear' }, laterPage },
  { name: 'accounts with counter columns, invoiced this year above 10,000.00 (base currency)', path: '/api/v1/accounts', params: { ...columns, invoicedAbove: '1000000', sort: '-invoicedThisYear' } },
  { name: 'accounts with counter columns, more than 10 open tasks, most first', path: '/api/v1/accounts', params: { ...columns, openTasksAbove: '10', sort: '-openTasks' } },
];
