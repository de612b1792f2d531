import type { ListCase } from './lists-bench';

// Issue 22: the projects list (300,000 projects at a million accounts, on the organizations and by
// their owners, with 2,000,000 tasks whose open ones each row counts; generate-counters.ts) in its
// default order and by name, by status, of one organization (its tab), and searched by the
// project's name and by the company's. run.ts runs every case as the admin, an agent (scope own)
// and a team's agent (scope team), whose lists read their portfolio's organizations' projects.

/** `organization` is one the agent owns (so all three actors see it), with the most projects. */
export const projectCases = (laterPage: number, organization: { id: string; rows: number }): ListCase[] => [
  { name: 'projects, newest first', path: '/api/v1/projects', params: { limit: '50' }, laterPage },
  { name: 'projects status=active', path: '/api/v1/projects', params: { status: 'active', limit: '50' }, laterPage },
  { name: `projects of one organization (${organization.rows.toLocaleString('en')} projects)`, path: '/api/v1/projects', params: { organizationId: organization.id, limit: '50' } },
  { name: 'projects by name', path: '/api/v1/projects', params: { sort: 'name', limit: '50' }, laterPage },
  { name: 'projects searched by name ("proyecto 12")', path: '/api/v1/projects', params: { q: 'proyecto 12', limit: '50' } },
  { name: 'projects searched by company ("garcía")', path: '/api/v1/projects', params: { q: 'garcía', limit: '50' } },
];
