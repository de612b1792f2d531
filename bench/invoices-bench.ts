import type { ListCase } from './lists-bench';

// Issue 22: the invoices list (2,000,000 invoices at a million accounts over the last two years and
// this one, on the organizations; generate-counters.ts) in its default order (newest issue date)
// and by due date and number; overdue (issued or partly paid and past due, read from two columns),
// issued and not yet due, billed (what the dashboard counts as invoiced), issued this year, of one
// organization (its tab), and searched by number and by company. run.ts runs every case as the
// admin, an agent (scope own) and a team's agent (scope team).

/** `organization` is one the agent owns (so all three actors see it), with the most invoices. */
export const invoiceCases = (laterPage: number, organization: { id: string; rows: number }): ListCase[] => {
  const year = new Date().getUTCFullYear();
  return [
    { name: 'invoices, newest issue date first', path: '/api/v1/invoices', params: { limit: '50' }, laterPage },
    { name: 'invoices status=overdue', path: '/api/v1/invoices', params: { status: 'overdue', limit: '50' }, laterPage },
    { name: 'invoices status=issued (not yet due)', path: '/api/v1/invoices', params: { status: 'issued', limit: '50' }, laterPage },
    { name: 'invoices billed (issued, paid or not)', path: '/api/v1/invoices', params: { billed: 'true', limit: '50' }, laterPage },
    { name: `invoices issued this year (${year})`, path: '/api/v1/invoices', params: { issuedFrom: `${year}-01-01`, issuedTo: `${year}-12-31`, limit: '50' }, laterPage },
    { name: `invoices of one organization (${organization.rows.toLocaleString('en')} invoices)`, path: '/api/v1/invoices', params: { organizationId: organization.id, limit: '50' } },
    { name: 'invoices by due date', path: '/api/v1/invoices', params: { sort: 'dueDate', limit: '50' }, laterPage },
    { name: 'invoices by number', path: '/api/v1/invoices', params: { sort: 'number', limit: '50' }, laterPage },
    { name: 'invoices searched by number ("fb-000012")', path: '/api/v1/invoices', params: { q: 'fb-000012', limit: '50' } },
    { name: 'invoices searched by company ("garcía")', path: '/api/v1/invoices', params: { q: 'garcía', limit: '50' } },
  ];
};
