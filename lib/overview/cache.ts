import type { Q } from "../db/context";
import { type OverviewFigures, readOverview } from "./figures";

/**
 * A short per-instance cache of the overview: staff land on it often, and its figures move slowly.
 * One entry per database schema and audience (with or without the audit rows), kept OVERVIEW_TTL_MS;
 * concurrent requests share one read. The page shows the figures' age. No cross-instance
 * coherence: each instance reads at most once per TTL.
 */
export const OVERVIEW_TTL_MS = 30_000;
const entries = new Map<string, { at: number; figures: Promise<OverviewFigures> }>();

export function cachedOverview(q: Q, opts: { recent: boolean }, ttlMs = OVERVIEW_TTL_MS): Promise<OverviewFigures> {
  const key = `${q.naming.options.schema}\u0000${opts.recent}`;
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < ttlMs) return hit.figures;
  const figures = readOverview(q, new Date(), opts);
  entries.set(key, { at: Date.now(), figures });
  // A failed read is not cached: the next request tries again (the error still reaches this one).
  figures.catch(() => {
    if (entries.get(key)?.figures === figures) entries.delete(key);
  });
  return figures;
}
