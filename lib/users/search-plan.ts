/**
 * The search planner's cost model (pure: no database). indexedSearch (queries.ts) asks it, before
 * reading anything, how to answer a substring search: walk the sort index, ask the trigram indexes
 * for every match, or a short walk first and then the trigram step. What it knows is the process's
 * sample of the user table (search-sample.ts: ~10k rows' searchable text and each row's rank in
 * every column sort), so a search reads nothing to plan.
 *
 * How the estimate is made.
 *   - Matches ≈ sampled hits × scale (scale = table rows ÷ sampled rows); the trigram step fetches
 *     and sorts every match: cost ≈ trigramMs + matchMs × matches.
 *   - Where the page ends in the requested order, from the sample ranks (in that order) of the first
 *     `headHits` sampled hits: local density d = k ÷ (rank of the kth hit + 1), so a walk needs about
 *     want ÷ d rows, and stops there (its LIMIT); its cap is `walkSafety` times that (queries.ts
 *     finds it, in name or email order, as the sampled row that far in: sampleRowAt). Cost ≈
 *     walkRowMs × want ÷ d in sign-up order (heap pages in order), randomRowMs × want ÷ d in name or
 *     email order (a heap page per row). The walk runs as a walk: bitmap scans are off for it
 *     (queries.ts), or Postgres, which guesses a substring's matches from its length alone, may
 *     answer it from the trigram indexes and fetch every match the walk was chosen to avoid.
 *   - Cluster rule: with hits spread evenly at the sample's overall density p, no hit among the first
 *     r sampled rows has probability e^(-p·r). Below e^(-clusterGap) the matches are clustered against
 *     the order (a recent wave read oldest first): the walk must first cross the gap (r × scale rows)
 *     and the density is measured after it.
 *   - No sampled hit: fewer than ~3 × scale matches (95%), or, in sign-up order, a cluster the sampled
 *     pages missed (rows that signed up together share pages). There a short capped walk
 *     (`probeRows`) finds a cluster at the head of the order (a recent wave read newest first), then
 *     the trigram step answers a rare term cheaply; in name or email order the trigram step at once.
 * The cheaper runs; terms under 3 characters (no trigrams) walk while the walk stays capped, else
 * the planner's own plan (a scan, under the heavy-query limiter).
 *
 * Where it can be wrong: the sample is up to 10 minutes old and ignores filters and the cursor (a
 * cursor page plans as if matches were spread evenly); a block sample sees whole pages, so a wave
 * of recent sign-ups (neighbours on disk) is either over- or under-represented; rare terms have few
 * hits, so their density is noisy. None of this changes a page: every walk is capped and a walk
 * that falls short hands over to the trigram step, so a wrong estimate costs at most one capped walk
 * more than the trigram step; the planner's own unbounded walk (1.5 s at 1M users) is never used.
 */
export interface SearchTuning {
  /** The walk's length is estimated from the sample ranks of this many first hits in sort order. */
  headHits: number;
  /** A walk covers this many times the rows the estimated density says a page needs. */
  walkSafety: number;
  /**
   * A walk is chosen over the trigram step only when its expected cost times this is lower: one that
   * falls short pays its cap and then the trigram step, and a block sample's head can mislead (hits
   * from one heap page are not independent), so a walk must win by a margin.
   */
  walkRisk: number;
  /** The cluster rule's threshold: a gap before the first hit with probability under e^-clusterGap. */
  clusterGap: number;
  /** Rows a walk looks through when the sample saw no hit, before the trigram step (0: none). */
  probeRows: number;
  /** A sized walk never looks through more rows than this (bounds a wrong estimate). */
  maxWalkRows: number;
  /** Measured cost of walking one row of the sign-up-time index (ms): heap pages in order. */
  walkRowMs: number;
  /** The same in name or email order (ms): every row a heap page at random, like a trigram match. */
  randomRowMs: number;
  /** Measured cost per match the trigram step fetches and sorts (ms). */
  matchMs: number;
  /** Measured fixed cost of the trigram step (ms). */
  trigramMs: number;
  /** Sessions the last-activity sort looks through before aggregating them all (last-active.ts). */
  activityWalk: number;
}

/** What the sample says of one term in one order (search-sample.ts). */
export interface SampleView {
  /** sampled rows the term matches, of `sampled`; the table holds `tableRows` */
  hits: number;
  sampled: number;
  tableRows: number;
  /** sample ranks (0-based, in the requested order) of the first ≤ headHits hits */
  head: number[];
  /** a later page: the ranks say nothing of the rows past the cursor, so the density is the overall one */
  cursor: boolean;
}

export type SearchChoice =
  | { step: "walk"; rows: number; cost: number; trigramCost: number; matches: number; clustered: boolean }
  | { step: "walk+trigram"; rows: number }
  | { step: "trigram"; cost: number; walkCost: number; matches: number; clustered: boolean }
  | { step: "scan" };

/**
 * How to answer a search: `want` = page size + 1; `sample` null when none could be read;
 * `signUpOrder`: the order is the table's own on disk (sign-up time), where a walk reads heap pages
 * in order (cheaper per row than in name or email order, where each row is a page at random) and
 * where a block sample can miss a whole cluster (a wave of sign-ups are neighbours on disk); in name
 * or email order a block sample is as good as a row sample, so no hit there means few matches and
 * the trigram step answers at once.
 * "walk" walks `rows` (then the trigram step, or a scan without trigrams, if the page is not full);
 * "walk+trigram" is the same with a short walk on no evidence.
 */
export function chooseSearchStep(o: { sample: SampleView | null; want: number; trigram: boolean; signUpOrder: boolean }, t: SearchTuning): SearchChoice {
  const s = o.sample;
  const otherwise = (): SearchChoice => (t.probeRows > 0 && (o.signUpOrder || !s) ? { step: "walk+trigram", rows: t.probeRows } : o.trigram ? { step: "trigram", cost: t.trigramMs, walkCost: Number.POSITIVE_INFINITY, matches: 0, clustered: false } : { step: "scan" });
  if (!s || s.sampled === 0) return otherwise();
  const scale = Math.max(1, s.tableRows / s.sampled);
  if (s.hits === 0) {
    // The sample is the whole table: nothing matches but rows added since; the trigram step says so at once.
    if (scale === 1 && o.trigram) return { step: "trigram", cost: t.trigramMs, walkCost: Number.POSITIVE_INFINITY, matches: 0, clustered: false };
    return otherwise();
  }
  const matches = s.hits * scale;
  const p = s.hits / s.sampled;
  const first = s.head[0] ?? 0;
  const clustered = !s.cursor && s.head.length > 0 && p * first > t.clusterGap;
  let density = p;
  if (!s.cursor && s.head.length >= 2) {
    const from = clustered ? first : 0;
    const last = s.head[s.head.length - 1] as number;
    density = s.head.length / (last - from + 1);
  }
  const gap = clustered ? first * scale : 0;
  // The walk stops at the page's last match (its LIMIT): it costs the rows the estimate expects. The
  // safety factor sizes only its cap, the rows it may read when the density was overestimated. (The
  // cost used to be the cap's, five times the walk's, so terms of 0.1-2% took the trigram step and
  // fetched thousands of matches where a walk of a few thousand rows would do.)
  // The head's density can hide a sparse start: a sample row stands for `scale` table rows, so
  // the page's want matches lie before the first sampled hit, where the 16 hits say nothing. Spread
  // evenly, the first hit's rank is about 1 ÷ density, so want × that rank is the same estimate;
  // where the head is sparser than the rest it is the larger one (a name walk of 11,000 rows found
  // 20 matches of a 1.2% term whose first sampled hit was at rank 388).
  const sparseHead = clustered || s.cursor ? 0 : o.want * (first + 1);
  const expected = Math.max(gap + o.want / density, sparseHead);
  // the cap: the safety factor over the rows past the gap
  const rows = Math.ceil(gap + t.walkSafety * (expected - gap));
  const walkCost = (o.signUpOrder ? t.walkRowMs : t.randomRowMs) * expected;
  // a walk longer than the table (or than the matches can fill) is a scan in sort order
  const canWalk = rows <= t.maxWalkRows && rows < s.tableRows && matches >= o.want;
  if (!o.trigram) return canWalk ? { step: "walk", rows, cost: walkCost, trigramCost: Number.POSITIVE_INFINITY, matches, clustered } : { step: "scan" };
  const trigramCost = t.trigramMs + t.matchMs * matches;
  if (canWalk && walkCost * t.walkRisk < trigramCost) return { step: "walk", rows, cost: walkCost, trigramCost, matches, clustered };
  return { step: "trigram", cost: trigramCost, walkCost, matches, clustered };
}
