/**
 * The search planner's cost model (pure: no database). indexedSearch (queries.ts) runs a short walk
 * first; when that walk did not fill the page, this decides, from what the walk saw, between a
 * longer walk of the sort index and asking the trigram index for every match.
 *
 * How the estimate is made. The first walk looks at `walked` rows in sort order (filters and cursor
 * applied, search not) and finds `found` matches: the local density d = found / walked. Then
 *   - a walk needs about page ÷ d rows; it is sized `walkSafety` times that, since d is a sample;
 *   - the trigram step fetches and sorts every match past the cursor, about d × tableRows of them
 *     (tableRows: the table's row estimate from pg_class, filters ignored, so an over-estimate).
 * Each is priced by constants measured at 1M users (scripts/bench-search.ts --calibrate prints
 * them): walkRowMs per row walked (index step, heap row, two lower() LIKEs), matchMs per match the
 * trigram step fetches (bitmap heap recheck, sort), trigramMs for the trigram step's fixed part
 * (bitmap build on two GIN indexes, the transaction). The cheaper one runs.
 *
 * Where it can be wrong: d is measured at the head of the walk only. Matches that cluster (a wave of
 * sign-ups, or a first name under the name sort) make the head denser or sparser than the rest:
 *   - head denser than the rest (newest-first over a recent wave): the first walk usually fills the
 *     page by itself; if not, the sized walk falls short and the trigram step answers after it;
 *   - head sparser (oldest-first over a recent wave, found 0): the trigram step is chosen and fetches
 *     every match, more than d × tableRows predicted.
 * What bounds the worst case: a walk is always capped (`withinFirst(n)`: at most n rows, then it
 * stops whether or not the page is full), and it is only chosen while its cost stays under the
 * trigram step's estimate and `maxWalkRows`. So a wrong guess costs at most one capped walk more
 * than the trigram step; the trigram step itself costs in proportion to the matches past the cursor
 * (reading all of them is the price of "the first page of matches, in an order the matches are not
 * clustered in"). It never falls back to the planner's unbounded walk (1.5 s at 1M users).
 */
export interface SearchTuning {
  /** Rows, in sort order, the first walk looks through (almost free; fills the page for common terms). */
  walkRows: number;
  /** The sized walk covers this many times the rows the measured density says a page needs. */
  walkSafety: number;
  /** A sized walk never looks through more rows than this (bounds a wrong density estimate). */
  maxWalkRows: number;
  /** Measured cost of walking one row of the sort index (ms). */
  walkRowMs: number;
  /** Measured cost per match the trigram step fetches and sorts (ms). */
  matchMs: number;
  /** Measured fixed cost of the trigram step (ms). */
  trigramMs: number;
  /** Sessions the last-activity sort looks through before aggregating them all (last-active.ts). */
  activityWalk: number;
}

export type SearchChoice =
  | { step: "walk"; rows: number; cost: number; trigramCost: number }
  | { step: "trigram"; cost: number; walkCost: number }
  | { step: "scan" };

/**
 * The cheaper way to finish a page the first walk did not fill.
 * `found` matches among the first `walked` rows (walked < walkRows: the walk reached the end, and
 * then its answer was already complete; the caller never asks); `want` = page size + 1.
 */
export function chooseSearchStep(
  o: { found: number; walked: number; want: number; tableRows: number; trigram: boolean },
  t: SearchTuning,
): SearchChoice {
  if (!o.trigram) {
    // A term under 3 characters has no trigram to look up: a walk while it stays capped, else the
    // planner's own plan (a scan, under the heavy-query limiter). Such terms are mostly very common.
    const rows = o.found ? Math.ceil((t.walkSafety * o.want * o.walked) / o.found) : Number.POSITIVE_INFINITY;
    return rows <= t.maxWalkRows ? { step: "walk", rows, cost: t.walkRowMs * rows, trigramCost: Number.POSITIVE_INFINITY } : { step: "scan" };
  }
  const trigramCost = (density: number) => t.trigramMs + t.matchMs * density * Math.max(o.tableRows, o.walked);
  if (o.found === 0) {
    // Nothing at the head: either rare (the trigram step has few to fetch) or clustered elsewhere
    // (a walk would look through everything before the cluster). The trigram step answers both.
    return { step: "trigram", cost: trigramCost(1 / Math.max(o.tableRows, 1)), walkCost: Number.POSITIVE_INFINITY };
  }
  const density = o.found / o.walked;
  const rows = Math.ceil((t.walkSafety * o.want) / density);
  const walkCost = t.walkRowMs * rows;
  const tri = trigramCost(density);
  if (rows <= t.maxWalkRows && walkCost < tri) return { step: "walk", rows, cost: walkCost, trigramCost: tri };
  return { step: "trigram", cost: tri, walkCost };
}
