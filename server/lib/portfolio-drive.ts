/**
 * How a page of records hanging off accounts (activities, requests) reads an agent's portfolio;
 * both mean the same rows. `portfolio` starts from the portfolio's accounts (reads about P
 * accounts' records, then sorts them); `probe` walks the sort's index checking each record with
 * one lookup by key (a page times N / P lookups). The portfolio leads when P² ≤ 40 N: an agent's
 * 5,000 of a million accounts, not a team's 50,000.
 */
export type PortfolioDrive = 'probe' | 'portfolio';

export const pageDriveFor = (portfolio: number | null, accounts: number | null): PortfolioDrive =>
  portfolio !== null && portfolio * portfolio <= 40 * (accounts ?? portfolio) ? 'portfolio' : 'probe';
