import type { ListCase } from './lists-bench';

// Issue 18 item 7: the activities list (two million, a tenth private) and the requests list
// (0.3 per account), each in its default order, with and without a filter.

/** A month of activities' start dates inside the generated span (2020-2026). */
const month = { from: '2024-03-01T00:00:00.000Z', to: '2024-04-01T00:00:00.000Z' };

export const activityCases = (laterPage: number): ListCase[] => [
  { name: 'activities, newest first', path: '/api/v1/activities', params: { limit: '50' }, laterPage },
  { name: 'activities status=scheduled (30%)', path: '/api/v1/activities', params: { status: 'scheduled', limit: '50' }, laterPage },
  { name: 'activities status=cancelled (5%)', path: '/api/v1/activities', params: { status: 'cancelled', limit: '50' } },
  { name: 'activities started in one month (March 2024)', path: '/api/v1/activities', params: { ...month, limit: '50' }, laterPage: 10 },
];

export const requestCases = (laterPage: number): ListCase[] => [
  { name: 'requests, newest first', path: '/api/v1/requests', params: { limit: '50' }, laterPage },
  { name: 'requests, only the latest per lead', path: '/api/v1/requests', params: { latestOnly: 'true', limit: '50' }, laterPage },
  { name: 'requests status=new', path: '/api/v1/requests', params: { status: 'new', limit: '50' } },
];
