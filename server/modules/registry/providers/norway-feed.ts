import { z } from 'zod';
import { RegistryError, registryFetch, registryUrl } from '../registry-http';
import type { ProviderContext } from '../registry-provider';

// Brønnøysund's change feed (GET …/oppdateringer/enheter): every change to a unit, in order, each
// with an update id. Cartera keeps the last id read and re-checks only the companies it watches.

const pageSize = 500;
const maxPages = 20;

const feedSchema = z.object({
  _embedded: z.object({
    oppdaterteEnheter: z.array(z.object({ oppdateringsid: z.number(), organisasjonsnummer: z.string() })).nullish(),
  }).nullish(),
});

/**
 * The organisation numbers changed after `cursor` (an update id), or since `since` on the first
 * read; and the new cursor. Reads at most maxPages pages: the rest waits for the next run.
 */
export async function norwayUpdates(ctx: ProviderContext, cursor: string | null, since: string): Promise<{ numbers: string[]; cursor: string | null }> {
  const numbers = new Set<string>();
  let last = cursor;
  for (let page = 0; page < maxPages; page += 1) {
    const query: Record<string, string> = last ? { oppdateringsid: String(Number(last) + 1), size: String(pageSize) } : { dato: since, size: String(pageSize) };
    const answer = await registryFetch(registryUrl(ctx.config.urls.NO, ['oppdateringer', 'enheter'], query), { timeoutMs: ctx.timeoutMs });
    const parsed = feedSchema.safeParse(answer.body);
    if (!parsed.success) throw new RegistryError('malformed');
    const updates = parsed.data._embedded?.oppdaterteEnheter ?? [];
    for (const update of updates) {
      numbers.add(update.organisasjonsnummer);
      if (!last || update.oppdateringsid > Number(last)) last = String(update.oppdateringsid);
    }
    if (updates.length < pageSize) break;
  }
  return { numbers: [...numbers], cursor: last };
}
