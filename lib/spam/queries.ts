import { sql } from "kysely";
import type { Q } from "../db/context";
import { banOf } from "../modules";
import { badRequest } from "../errors";
import { clearedUserIds } from "./clearances";
import { applySpamPatch, isOpen, waveMemberIndex } from "./patch";
import type { Reason, SpamAccount, SpamResult, Wave } from "./types";

export { clearedUserIds } from "./clearances";

export interface SpamListParams {
  /** lowest score listed (default: the review threshold) */
  minScore?: number;
  /** only accounts that signed up at or after this */
  since?: Date;
  limit: number;
  cursor?: string;
  /** list accounts with an active ban too (default: no, they are handled) */
  includeBanned?: boolean;
}

export interface SpamListItem {
  userId: string;
  score: number;
  /** the band the score falls in: "likely" (≥ likely threshold), "review" (≥ review threshold) or null */
  flagged: "likely" | "review" | null;
  reasons: Reason[];
  waveKey: string | null;
  createdAt: Date;
}

type Entry = [string, SpamAccount];
const sortedCache = new WeakMap<SpamResult, Entry[]>();

/** The result's accounts by score desc, then id asc: sorted once per result. */
function sorted(result: SpamResult): Entry[] {
  let list = sortedCache.get(result);
  if (!list) {
    list = [...result.accounts].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    sortedCache.set(result, list);
  }
  return list;
}

const encode = (score: number, id: string) => Buffer.from(JSON.stringify([score, id])).toString("base64url");

function decode(cursor: string): { score: number; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && typeof v[0] === "number" && typeof v[1] === "string") return { score: v[0], id: v[1] };
  } catch {
    // fall through
  }
  throw badRequest("cursor: malformed");
}

/** First position after (score, id) in score-desc, id-asc order (binary search). */
function after(list: Entry[], c: { score: number; id: string }): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const [id, acc] = list[mid] as Entry;
    const before = acc.score > c.score || (acc.score === c.score && id <= c.id);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function bandOf(result: SpamResult, score: number): SpamListItem["flagged"] {
  return score >= result.thresholds.likely ? "likely" : score >= result.thresholds.review ? "review" : null;
}

/**
 * One page of the review queue: keyset over the in-memory result ((score, id) < cursor), highest score
 * first. Clearances are read again for the page's candidates, so an account cleared after the result
 * was computed leaves the queue at once.
 */
export async function listSpamAccounts(q: Q, result: SpamResult, p: SpamListParams): Promise<{ data: SpamListItem[]; nextCursor: string | null }> {
  const minScore = p.minScore ?? result.thresholds.review;
  const list = sorted(result);
  let i = p.cursor ? after(list, decode(p.cursor)) : 0;
  const data: SpamListItem[] = [];
  let more = false;
  while (i < list.length && !more) {
    // candidates in chunks, then one clearance look-up per chunk
    const chunk: Entry[] = [];
    for (; i < list.length && chunk.length < Math.max(50, 2 * p.limit); i++) {
      const e = list[i] as Entry;
      if (e[1].score < minScore) {
        i = list.length;
        break;
      }
      if (e[1].clearedAt || (e[1].banned && !p.includeBanned) || (p.since && e[1].createdAt < p.since)) continue;
      chunk.push(e);
    }
    const ids = chunk.map(([id]) => id);
    // Clearances and bans made since the result was computed take effect at once.
    const [cleared, banned] = await Promise.all([clearedUserIds(q, ids), p.includeBanned ? new Set<string>() : bannedNow(q, ids)]);
    for (const [id, acc] of chunk) {
      const at = cleared.get(id);
      if (at && at >= acc.createdAt) continue;
      if (banned.has(id)) continue;
      if (data.length === p.limit) {
        more = true;
        break;
      }
      data.push({ userId: id, score: acc.score, flagged: bandOf(result, acc.score), reasons: acc.reasons, waveKey: acc.waveKey, createdAt: acc.createdAt });
    }
  }
  const last = data.at(-1);
  return { data, nextCursor: more && last ? encode(last.score, last.userId) : null };
}

export function getWave(result: SpamResult, key: string): Wave | null {
  return result.waves.find((w) => w.key === key) ?? null;
}

/** A wave from a URL segment, decoded by Next or not (keys hold ":", "/", "@"): both spellings are tried. */
export function findWave(result: SpamResult, segment: string): Wave | null {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // not percent-encoded: the segment is the key as it is
  }
  return getWave(result, segment) ?? getWave(result, decoded);
}

/** Ids of a wave's members, highest score first (all of them, not just the sample; decided ones too). */
export function waveMembers(result: SpamResult, key: string): string[] {
  return sorted(result).filter(([, a]) => a.waveKey === key).map(([id]) => id);
}

/** The members still waiting for a decision (neither banned nor cleared), highest score first. */
export function openWaveMembers(result: SpamResult, key: string): string[] {
  return sorted(result).filter(([, a]) => a.waveKey === key && isOpen(a)).map(([id]) => id);
}

/** An account's score and reasons; null when the result has nothing on it (score 0, or outside the window). */
export function scoreOf(result: SpamResult, userId: string): SpamAccount | null {
  return result.accounts.get(userId) ?? null;
}

/**
 * Bans and clearances made outside the dashboard (Better Auth's own admin API, SQL, another
 * instance) reach no commit hook here: before a wave's open members are counted, shown or acted
 * on, they are checked against the database (two indexed look-ups) and the cached result is patched
 * with what is found, so a wave never offers to ban someone already banned.
 */
export async function reconcileOpen(q: Q, result: SpamResult, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += RECONCILE_CHUNK) {
    const chunk = ids.slice(i, i + RECONCILE_CHUNK);
    const [banned, cleared] = await Promise.all([bannedNow(q, chunk), clearedUserIds(q, chunk)]);
    if (banned.size) applySpamPatch(result, { userIds: [...banned], banned: true });
    // one patch per decision time (applySpamPatch keeps only clearances made after the sign-up)
    const byTime = new Map<number, string[]>();
    for (const [id, at] of cleared) byTime.set(at.getTime(), [...(byTime.get(at.getTime()) ?? []), id]);
    for (const [at, userIds] of byTime) applySpamPatch(result, { userIds, cleared: new Date(at) });
  }
}
const RECONCILE_CHUNK = 5000;

/** reconcileOpen for one wave's open members. */
export const reconcileWave = (q: Q, result: SpamResult, key: string) => reconcileOpen(q, result, openWaveMembers(result, key));

/** reconcileOpen for every wave's open members (the lists of waves show how many are left). */
export function reconcileWaves(q: Q, result: SpamResult): Promise<void> {
  const ids: string[] = [];
  for (const list of waveMemberIndex(result).values()) for (const id of list) if (isOpen(result.accounts.get(id) ?? { banned: true, clearedAt: null })) ids.push(id);
  return reconcileOpen(q, result, ids);
}

/** Which of these users hold an effective ban right now (one indexed query per page of candidates). */
async function bannedNow(q: Q, ids: readonly string[]): Promise<Set<string>> {
  const ban = banOf(q.caps);
  if (!ids.length || !ban) return new Set();
  const rows = await q.db
    .selectFrom("user")
    .select("user.id")
    .where("user.id", "=", sql<string>`any(${[...ids]}::text[])`)
    .where((eb) => ban.inForce(eb, new Date()))
    .execute();
  return new Set(rows.map((r) => r.id));
}
