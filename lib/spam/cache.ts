import { type CommittedAction, setCommitHook } from "../commit-hooks";
import type { Q } from "../db/context";
import { reviewDecisionOf } from "../modules";
import { CLEAR_ACTION, UNCLEAR_ACTION } from "./clearances";
import { computeSpam } from "./engine";
import { applySpamPatch, type SpamPatch } from "./patch";
import type { SpamOptions, SpamResult } from "./types";

/**
 * A short-lived in-process cache: the score is recomputed at most every TTL per option set, and
 * callers arriving while it is computed wait for that one computation instead of starting their own.
 * Nothing is persisted (the dashboard is stateless); each instance behind a load balancer keeps its own.
 * Decisions are patched into every cached result once their action commits (patchSpamCache, called
 * by the commit hook below for the modules' "out of review" decisions (a ban, an unban), clearances and
 * their undoing, and deletions, whichever page or API
 * route made them): the account leaves the queue and its wave at once, without a recomputation.
 * Clearances and out-of-review states set outside the dashboard are still re-checked on every list call
 * (lib/spam/queries.ts).
 */
export const SPAM_CACHE_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 8;

interface Entry {
  promise: Promise<SpamResult>;
  /** when the computation started: decisions from then on may be missing from its snapshot */
  startedAt: number;
  /** when the computation finished (undefined while it runs) */
  doneAt?: number;
}

interface LoggedPatch extends SpamPatch {
  at: number;
}

const holder = globalThis as typeof globalThis & { __spamCache?: Map<string, Entry>; __spamPatches?: LoggedPatch[] };
const cache = () => (holder.__spamCache ??= new Map());
/** Recent decisions, replayed onto computations that were running when they committed. */
const patchLog = () => (holder.__spamPatches ??= []);

export type CachedSpamOptions = SpamOptions & { refresh?: boolean };

function keyOf(q: Q, o: SpamOptions): string {
  return JSON.stringify([q.naming.options.schema, q.naming.options.models, o.sinceDays ?? 30, o.thresholds?.review ?? null, o.thresholds?.likely ?? null, o.now?.toISOString() ?? null]);
}

/** `compute`: the scoring itself (tests pass their own to hold a computation open). */
export async function getSpamResult(q: Q, opts: CachedSpamOptions = {}, compute: typeof computeSpam = computeSpam): Promise<{ result: SpamResult; ageMs: number }> {
  const { refresh, ...options } = opts;
  const entries = cache();
  const key = keyOf(q, options);
  const now = Date.now();
  for (const [k, e] of entries) if (e.doneAt !== undefined && now - e.doneAt > SPAM_CACHE_TTL_MS) entries.delete(k);

  let entry = entries.get(key);
  // A refresh joins a computation already running (it is as fresh as a new one would be).
  if (!entry || (refresh && entry.doneAt !== undefined)) {
    const startedAt = Date.now();
    const fresh: Entry = { startedAt, promise: compute(q, options).then((result) => replayPatches(result, startedAt)) };
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
  patchLog().length = 0;
}

/**
 * Applies a committed decision to every cached result, and logs it for the computations still
 * running: their read snapshot may predate it, so it is replayed on them as they finish (a decision
 * they already saw changes nothing: patches are idempotent). Patches older than the longest a
 * computation may run are dropped from the log.
 */
export function patchSpamCache(patch: SpamPatch, now = Date.now()): void {
  const log = patchLog();
  log.push({ ...patch, at: now });
  while (log.length && (log[0] as LoggedPatch).at < now - SPAM_CACHE_TTL_MS) log.shift();
  for (const entry of cache().values()) {
    const settled = settledResults.get(entry.promise);
    if (settled) applySpamPatch(settled, patch);
  }
}

function replayPatches(result: SpamResult, startedAt: number): SpamResult {
  for (const p of patchLog()) if (p.at >= startedAt) applySpamPatch(result, p);
  return result;
}

/** Which decisions an audited action stands for (null: none that the review queue reflects). */
export function patchOf(record: CommittedAction): SpamPatch | null {
  const userIds = record.targetIds;
  // a module's "out of review" state entered or left (a ban, its lifting: the module's `decisions`)
  const out = reviewDecisionOf(record.action);
  if (out) return { userIds, out };
  switch (record.action) {
    case CLEAR_ACTION:
      return { userIds, cleared: record.at };
    case UNCLEAR_ACTION:
      return { userIds, cleared: null };
    case "user.delete":
      return { userIds, deleted: true };
    default:
      return null;
  }
}

// Every action that commits in this process (server actions and API routes alike) passes here.
setCommitHook("spam-cache", (record) => {
  const patch = patchOf(record);
  if (patch?.userIds.length) patchSpamCache(patch);
});
