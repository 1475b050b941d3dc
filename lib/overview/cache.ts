import type { Q } from "../db/context";
import { type OverviewFigures, readOverview } from "./figures";

/**
 * The overview's figures per instance, stale-while-revalidate: staff land on the overview often,
 * its figures move slowly, and at 1M users reading them exactly costs seconds (distinct active
 * users over 30 days of sessions), far past what a landing page may take. So a request never waits
 * for a read while the instance has figures younger than OVERVIEW_MAX_AGE_MS:
 *
 *   age < OVERVIEW_TTL_MS        served as they are
 *   age < OVERVIEW_MAX_AGE_MS    served as they are, and one read starts in the background
 *   none, or older               the request waits for a read (shared with concurrent requests)
 *
 * The server reads once at start (warmOverview, from instrumentation.ts), so the first staff visit
 * finds figures too. The page says how old they are. One entry per database schema; no
 * cross-instance coherence: each instance reads at most once per TTL, and only while visited.
 */
export const OVERVIEW_TTL_MS = 30_000;
export const OVERVIEW_MAX_AGE_MS = 10 * 60_000;

export interface CachedOverview {
  figures: OverviewFigures;
  /** a newer read is under way (started by this request or an earlier one) */
  refreshing: boolean;
}

interface Entry {
  figures: OverviewFigures | null;
  /** the read under way, at most one per entry */
  reading: Promise<OverviewFigures> | null;
}
// On globalThis: Next may load this module once per bundle (instrumentation.ts warms it, the page
// reads it), and both must see the same entries.
const holder = globalThis as typeof globalThis & { __overviewCache?: Map<string, Entry> };
holder.__overviewCache ??= new Map();
const entries = holder.__overviewCache;

function entryOf(q: Q): Entry {
  const key = q.naming.options.schema;
  let entry = entries.get(key);
  if (!entry) {
    entry = { figures: null, reading: null };
    entries.set(key, entry);
  }
  return entry;
}

/** Starts a read of the entry unless one is under way; the entry takes its figures when it ends. */
function refresh(q: Q, entry: Entry, read: typeof readOverview): Promise<OverviewFigures> {
  if (entry.reading) return entry.reading;
  const reading = read(q, new Date()).then((figures) => {
    entry.figures = figures;
    return figures;
  });
  entry.reading = reading;
  // Whatever the outcome, the next stale request may start another read. A failed read leaves the
  // older figures in place (they keep their age, so the page shows how stale they are).
  const done = () => {
    if (entry.reading === reading) entry.reading = null;
  };
  reading.then(done, done);
  return reading;
}

export async function cachedOverview(
  q: Q,
  opts: {
    ttlMs?: number;
    maxAgeMs?: number;
    read?: typeof readOverview;
    /**
     * When the background read starts: the page passes Next's `after`, so it starts once this
     * visit's response is sent (at 1M users the read keeps Postgres busy for seconds on every core
     * it gets; started at once, it slowed the very visit that served the stale figures).
     */
    schedule?: (task: () => Promise<unknown>) => void;
  } = {},
): Promise<CachedOverview> {
  const { ttlMs = OVERVIEW_TTL_MS, maxAgeMs = OVERVIEW_MAX_AGE_MS, read = readOverview, schedule = (task: () => Promise<unknown>) => void task() } = opts;
  const entry = entryOf(q);
  const age = entry.figures ? Date.now() - entry.figures.at.getTime() : Number.POSITIVE_INFINITY;
  if (age < ttlMs) return { figures: entry.figures as OverviewFigures, refreshing: entry.reading !== null };
  if (age < maxAgeMs) {
    const figures = entry.figures as OverviewFigures;
    if (!entry.reading) schedule(() => refresh(q, entry, read).catch((err) => console.error("overview: background read failed (older figures kept)", err)));
    return { figures, refreshing: true };
  }
  return { figures: await refresh(q, entry, read), refreshing: false };
}

/**
 * The read at server start, so the first visit is served from memory. Never throws. A database
 * that is not reachable yet (starting beside the dashboard, or a connection that timed out while
 * the server was still loading its code) gets `retries` more tries, `retryMs` apart, unless a visit
 * has read the figures meanwhile; after that it only means the first visit reads.
 */
export async function warmOverview(open: () => Promise<Q>, read: typeof readOverview = readOverview, retries = 2, retryMs = 5_000): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    let entry: Entry | null = null;
    try {
      const q = await open();
      entry = entryOf(q);
      if (entry.figures) return;
      await refresh(q, entry, read);
      return;
    } catch (err) {
      if (attempt >= retries) {
        console.error("overview: the read at start failed (the first visit reads)", err);
        return;
      }
      console.error(`overview: the read at start failed, trying again in ${retryMs / 1000} s:`, err instanceof Error ? err.message : err);
      await new Promise((r) => setTimeout(r, retryMs));
    }
  }
}

/** Forget every entry (tests). */
export function clearOverviewCache(): void {
  entries.clear();
}
