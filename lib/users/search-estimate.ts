import type { Q } from "../db/context";
import type { Capabilities } from "../db/introspect";
import { estimateUnindexedSearch } from "../doctor/scan-estimate";
import { caseVariants, prefixTerm } from "./prefix-search";

/**
 * Whether a search reads every user row: a term, no trigram indexes, and not a prefix search (`ann*`)
 * that Better Auth's email index answers as ranges (byte-order collation, ASCII first letters).
 */
export function searchScans(caps: Pick<Capabilities, "searchIndexed" | "emailByteOrder">, term: string | undefined): boolean {
  if (!term || caps.searchIndexed) return false;
  const prefix = prefixTerm(term);
  return !(prefix !== null && caps.emailByteOrder && caseVariants(prefix) !== null);
}

/** How long an estimate is reused: the table grows slowly, and the sample costs a 1% read. */
export const ESTIMATE_TTL_MS = 10 * 60_000;

interface Entry {
  at: number;
  ms: Promise<number | null>;
}
// One per connection (primary or replica), for the process: the users page asks on every search.
const cache = new WeakMap<object, Entry>();

/**
 * The doctor's estimate of one unindexed search (lib/doctor/scan-estimate.ts: the search's own
 * condition over a 1% block sample, scaled to the table), measured once per ESTIMATE_TTL_MS and
 * shared by every request meanwhile. null when it cannot be measured (an empty table, a failed
 * sample): the estimate is a hint beside the search, never a reason for an error page.
 */
export function unindexedSearchMs(q: Q, now = Date.now()): Promise<number | null> {
  const hit = cache.get(q.db);
  if (hit && now - hit.at < ESTIMATE_TTL_MS) return hit.ms;
  const ms = estimateUnindexedSearch(q.db, q.naming).then(
    (e) => (e.sampled > 0 ? e.searchMs : null),
    (err: unknown) => {
      console.error(`[dashboard] the unindexed search estimate failed: ${err instanceof Error ? err.message : String(err)}`);
      cache.delete(q.db);
      return null;
    },
  );
  cache.set(q.db, { at: now, ms });
  return ms;
}
