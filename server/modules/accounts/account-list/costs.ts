// The planner's cost model, in one unit: one lookup by key. Figures measured at a million
// accounts are in docs/lists.md and BENCHMARKS.md.

/** Rows a page fetches (the limit plus one); a count stops after 10,001. */
export const pageRows = 51;

/** Visiting one row of a walked portfolio: its rows carry the columns filtered on and lie side by side. */
export const portfolioRowCost = 0.25;
/** Probing a membership (an index seek of another table) for one walked portfolio row. */
export const portfolioProbeCost = 2;
/** Checking a search word on a portfolio row's words (`instr` in about 100 characters). */
export const wordCheckCost = 0.3;
/** Reading a set computed whole before its first row (an intersection of several words' term ranges). */
export const wholeReadCost = 15_000;
/** A word's term range this small intersects in well under a millisecond: its intersection leads by its ids. */
export const rareEntries = 1_000;

/**
 * Sets are sized up to this many rows, read from their indexes: as far as a page's plan needs, as
 * far as an exact count's plan needs, and, for a column, as far as choosing between walking the
 * sort index and reading the set whole matters. A larger set is taken as half of all accounts.
 */
export const sizeCaps = { page: 10_000, count: 100_000, column: 2_000 };
