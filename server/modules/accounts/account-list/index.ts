/**
 * The accounts list engine, behind this one door (lint refuses imports from deeper): the list's
 * page, the count of what matches (whole, or per group), every match for bulk work and exports,
 * and the portfolio's rows and size. How a list is planned is in docs/lists.md; the filters are
 * described in account-filters.ts.
 */
export { countPerColumn, groupAccounts, type AccountGrouping, type ColumnCount } from './group.repo';
export { countMatching, iterateAccounts, listAccountPage } from './page.repo';
export { portfolioRows, portfolioSize } from './portfolio.repo';
