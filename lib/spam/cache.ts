import type { Q } from "../db/context";
import { computeSpam } from "./engine";
import type { SpamOptions, SpamResult } from "./types";

/**
 * A short-lived in-process cache: the score is recomputed at most every TTL per option set, and
 * callers arriving while it is computed wait for that one computation instead of starting their own.
 * Nothing is persisted (the dashboard is stateless); each instance behind a load balancer keeps its own.
 * Clearances are re-checked on every list call (lib/spam/queries.ts), so a "not spam" decision shows
 * at once even on a cached result.
 */
export const SPAM_CACHE_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 8;

interface Entry {
  promise: Promise<SpamResult>;
  /** when the computation finished (undefined while it runs) */
  doneAt?: number;
}

const holder = globalThis as typeof globalThis & { __spamCache?: Map<string, Entry> };
const cache = () => (holder.__spamCache ??= new Map());

export type CachedSpamOptions = SpamOptions & { refresh?: boolean };

function keyOf(q: Q, o: SpamOptions): string {
  return JSON.stringify([q.naming.options.schema, q.naming.options.models, o.sinceDays ?? 30, o.thresholds?.review ?? null, o.thresholds?.likely ?? null, o.now?.toISOString() ?? null]);
}

export async function getSpamResult(q: Q, opts: CachedSpamOptions = {}): Promise<{ result: SpamResult; ageMs: number }> {
  const { refresh, ...options } = opts;
  const entries = cache();
  const key = keyOf(q, options);
  const now = Date.now();
  for (const [k, e] of entries) if (e.doneAt !== undefined && now - e.doneAt > SPAM_CACHE_TTL_MS) entries.delete(k);

  let entry = entries.get(key);
  // A refresh joins a computation already running (it is as fresh as a new one would be).
  if (!entry || (refresh && entry.doneAt !== undefined)) {
    const fresh: Entry = { promise: computeSpam(q, options) };
    fresh.promise.then(
      (result) => {
        settledResults.set(fresh.promise, result);
        fresh.doneAt = Date.now();
      },
      () => {
        // a failure is not cached: the next caller tries again
        if (entries.get(key) === fresh) entries.delete(key);
      },
    );
    entries.set(key, fresh);
    while (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined || oldest === key) break;
      entries.delete(oldest);
    }
    entry = fresh;
  }
  const result = await entry.promise;
  return { result, ageMs: entry.doneAt === undefined ? 0 : Math.max(0, Date.now() - entry.doneAt) };
}

/**
 * The cached default result if one is ready and fresh, without ever starting a computation: for
 * pages that show scores when they are at hand (the users list) but must not trigger a full scoring.
 */
export function peekSpamResult(q: Q, opts: SpamOptions = {}): { result: SpamResult; ageMs: number } | null {
  const entry = cache().get(keyOf(q, opts));
  if (!entry || entry.doneAt === undefined || Date.now() - entry.doneAt > SPAM_CACHE_TTL_MS) return null;
  const settled = settledResults.get(entry.promise);
  return settled ? { result: settled, ageMs: Date.now() - entry.doneAt } : null;
}

/** Results of finished computations, readable synchronously by peekSpamResult. */
const settledResults = new WeakMap<Promise<SpamResult>, SpamResult>();

/** Drops every cached result (tests; or after bulk changes an operator wants to see at once). */
export function clearSpamCache(): void {
  cache().clear();
}
