import type { Q } from "../db/context";
import { within } from "../within";
import { type OverviewFigures, readOverview } from "./figures";

/**
 * The overview's figures per instance, stale-while-revalidate with no maximum age: staff land on
 * the overview often, its figures move slowly, and at 1M users reading them exactly costs ~0.6 s
 * (distinct active users over 30 days of sessions), more than a landing page may take. So a visit
 * never waits for a read once the instance has figures, however old they are; the page says how
 * old (age.ts), in the warning colour past 5 minutes.
 *
 *   figures, any age     served at once; when they are OVERVIEW_REFRESH_MS old or more, one read
 *                        starts in the background (after the response: the page passes Next's `after`)
 *   none yet             the visit waits for the read, at most OVERVIEW_FIRST_WAIT_MS, then the page
 *                        shows "Database unavailable" (a 200, not an error page); the read goes on
 *
 * One read per entry at a time, even when it hangs (the statement timeout ends it on a live
 * connection): visits never pile reads onto a database that is slow already. After a failed read,
 * none starts for OVERVIEW_BACKOFF_MS; the older figures stay, with their age, and the page says the
 * refresh failed. A failure is logged once, and its end once ("works again"), not once per visit.
 *
 * The server reads once at start (warmOverview, from instrumentation.ts), so the first staff visit
 * finds figures too. One entry per database schema; no cross-instance coherence.
 */
export const OVERVIEW_REFRESH_MS = 30_000;
export const OVERVIEW_FIRST_WAIT_MS = 20_000;
export const OVERVIEW_BACKOFF_MS = 30_000;

export interface CachedOverview {
  /** null: this instance has never read figures and the read did not answer in time (or failed) */
  figures: OverviewFigures | null;
  /** a newer read is under way or scheduled */
  refreshing: boolean;
  /** the last read failed (the figures, if any, are older than the attempt) */
  failed: boolean;
}

interface Entry {
  figures: OverviewFigures | null;
  /** the read under way, at most one per entry */
  reading: Promise<OverviewFigures> | null;
  /** a background read is scheduled (Next's `after`) and has not started yet */
  scheduled: boolean;
  /** when the last read failed; null once one succeeds */
  failedAt: number | null;
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
    entry = { figures: null, reading: null, scheduled: false, failedAt: null };
    entries.set(key, entry);
  }
  return entry;
}

type Read = typeof readOverview;

const inBackoff = (entry: Entry, backoffMs: number, now: number) => entry.failedAt !== null && now - entry.failedAt < backoffMs;

/**
 * Starts a read of the entry unless one is under way; the entry takes its figures when it ends.
 * The outcome is recorded here (figures or the failure's time) and logged on a change only.
 */
function refresh(q: Q, entry: Entry, read: Read): Promise<OverviewFigures> {
  if (entry.reading) return entry.reading;
  const reading = read(q, new Date());
  entry.reading = reading;
  reading.then(
    (figures) => {
      if (entry.reading === reading) entry.reading = null;
      entry.figures = figures;
      if (entry.failedAt !== null) console.log("overview: reading the figures works again");
      entry.failedAt = null;
    },
    (err: unknown) => {
      if (entry.reading === reading) entry.reading = null;
      if (entry.failedAt === null) {
        console.error(`overview: reading the figures failed (${entry.figures ? "the older figures are kept" : "no figures yet"}; next try in ${OVERVIEW_BACKOFF_MS / 1000} s at the earliest, logged again once it works):`, err);
      }
      entry.failedAt = Date.now();
    },
  );
  return reading;
}


export async function cachedOverview(
  q: Q,
  opts: {
    refreshMs?: number;
    firstWaitMs?: number;
    backoffMs?: number;
    read?: Read;
    /**
     * When the background read starts: the page passes Next's `after`, so it starts once this
     * visit's response is sent (at 1M users the read keeps Postgres busy for a second on every core
     * it gets; started at once, it slowed the very visit that served the older figures).
     */
    schedule?: (task: () => Promise<unknown>) => void;
  } = {},
): Promise<CachedOverview> {
  const {
    refreshMs = OVERVIEW_REFRESH_MS,
    firstWaitMs = OVERVIEW_FIRST_WAIT_MS,
    backoffMs = OVERVIEW_BACKOFF_MS,
    read = readOverview,
    schedule = (task: () => Promise<unknown>) => void task(),
  } = opts;
  const entry = entryOf(q);
  const now = Date.now();
  if (entry.figures) {
    const due = now - entry.figures.at.getTime() >= refreshMs && !entry.reading && !entry.scheduled && !inBackoff(entry, backoffMs, now);
    if (due) {
      entry.scheduled = true;
      schedule(async () => {
        entry.scheduled = false;
        // Checked again when it runs: another visit's read may have ended meanwhile.
        const figures = entry.figures;
        const t = Date.now();
        if (figures && t - figures.at.getTime() < refreshMs) return;
        if (inBackoff(entry, backoffMs, t)) return;
        await refresh(q, entry, read).catch(() => {}); // recorded and logged by refresh
      });
    }
    return { figures: entry.figures, refreshing: entry.reading !== null || entry.scheduled, failed: entry.failedAt !== null };
  }
  // Never read yet: wait for the read (shared with every visit), bounded. Within the backoff after a
  // failed read, none starts: the page says the database is unavailable at once.
  if (!entry.reading && inBackoff(entry, backoffMs, now)) return { figures: null, refreshing: false, failed: true };
  // null when the read fails or takes longer (recorded and logged by refresh; the read goes on)
  const figures = await within(refresh(q, entry, read), firstWaitMs).catch(() => null);
  return { figures, refreshing: entry.reading !== null, failed: entry.failedAt !== null };
}

/**
 * The read at server start, so the first visit is served from memory. Never throws. A database
 * that cannot be opened yet (starting beside the dashboard) gets `retries` more tries, `retryMs`
 * apart; a read that fails is recorded like any other (logged once, backoff), and the first visit
 * then reads.
 */
export async function warmOverview(open: () => Promise<Q>, read: Read = readOverview, retries = 2, retryMs = 5_000): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    let q: Q;
    try {
      q = await open();
    } catch (err) {
      if (attempt >= retries) {
        console.error("overview: the read at start could not open the database (the first visit reads):", err instanceof Error ? err.message : err);
        return;
      }
      console.error(`overview: the read at start could not open the database, trying again in ${retryMs / 1000} s:`, err instanceof Error ? err.message : err);
      await new Promise((r) => setTimeout(r, retryMs));
      continue;
    }
    const entry = entryOf(q);
    if (!entry.figures) await refresh(q, entry, read).catch(() => {}); // recorded and logged by refresh
    return;
  }
}

/** Forget every entry (tests). */
export function clearOverviewCache(): void {
  entries.clear();
}
