// Bulk statements stay under both drivers' bound-parameter limits (SQLite 32,766; PostgreSQL 65,535).
const maxParameters = 16_000;

/** Runs a multi-row statement over rows in chunks small enough for either driver. */
export async function inChunks<R extends object>(rows: R[], write: (chunk: R[]) => Promise<unknown>): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const size = Math.max(1, Math.floor(maxParameters / Math.max(1, Object.keys(first).length)));
  for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
}
