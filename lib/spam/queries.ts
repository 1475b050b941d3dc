import { sql } from "kysely";
import type { Q } from "../db/context";
import { enabledReviewExits } from "../modules";
import { badRequest } from "../errors";
import { clearedUserIds } from "./clearances";
import { applySpamPatch, waveMemberIndex } from "./patch";
import type { Reason, SpamAccount, SpamResult, Wave } from "./types";

export { clearedUserIds } from "./clearances";

export interface SpamListParams {
  /** lowest score listed (default: the review threshold) */
  minScore?: number;
  /** only accounts that signed up at or after this */
  since?: Date;
  limit: number;
  cursor?: string;
  /**
   * list accounts in an "out of review" state too (a module's ReviewExit, e.g. a ban in force;
   * default: no, they are handled). Cleared ones never are.
   */
  includeOut?: boolean;
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
  const acc = result.accounts;
  const since = p.since?.getTime();
  // the queue's order (score desc, id asc) from just after the cursor (lib/spam/accounts.ts)
  const rows = acc.rowsByScore(minScore, p.cursor ? decode(p.cursor) : undefined);
  const data: SpamListItem[] = [];
  let more = false;
  let done = false;
  while (!done && !more) {
    // candidates in chunks, then one clearance look-up per chunk
    const chunk: number[] = [];
    while (chunk.length < Math.max(50, 2 * p.limit)) {
      const next = rows.next();
      if (next.done) {
        done = true;
        break;
      }
      const r = next.value;
      if (acc.clearedAtMs(r) !== null || (acc.outAt(r) && !p.includeOut) || (since !== undefined && acc.createdAtMs(r) < since)) continue;
      chunk.push(r);
    }
    const ids = chunk.map((r) => acc.idAt(r));
    // Clearances and out-of-review states (a ban, say) set since the result was computed take effect at once.
    const [cleared, out] = await Promise.all([clearedUserIds(q, ids), p.includeOut ? new Map<string, string[]>() : outNow(q, ids)]);
    for (let k = 0; k < chunk.length; k++) {
      const r = chunk[k] as number;
      const id = ids[k] as string;
      const at = cleared.get(id);
      if (at && at.getTime() >= acc.createdAtMs(r)) continue;
      if (out.has(id)) continue;
      if (data.length === p.limit) {
        more = true;
        break;
      }
      const a = acc.accountAt(r);
      data.push({ userId: id, score: a.score, flagged: bandOf(result, a.score), reasons: a.reasons, waveKey: a.waveKey, createdAt: a.createdAt });
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

/** Ids of a wave's members, highest score first (all of them, not just the sample; decided ones too; not deleted ones). */
export function waveMembers(result: SpamResult, key: string): string[] {
  const acc = result.accounts;
  return [...(waveMemberIndex(result).get(key) ?? [])].filter((r) => !acc.isDeletedAt(r)).map((r) => acc.idAt(r));
}

/** The members still waiting for a decision (in no "out of review" state, not cleared), highest score first. */
export function openWaveMembers(result: SpamResult, key: string): string[] {
  const acc = result.accounts;
  return [...(waveMemberIndex(result).get(key) ?? [])].filter((r) => acc.isOpenAt(r)).map((r) => acc.idAt(r));
}

/** An account's score and reasons; null when the result has nothing on it (score 0, or outside the window). */
export function scoreOf(result: SpamResult, userId: string): SpamAccount | null {
  return result.accounts.get(userId) ?? null;
}

/**
 * Out-of-review states (a ban, say) and clearances set outside the dashboard (Better Auth's own
 * API, SQL, another instance) reach no commit hook here: before a wave's open members are counted,
 * shown or acted on, they are checked against the database (two indexed look-ups) and the cached
 * result is patched with what is found, so a wave never offers a decision on someone already out.
 */
export async function reconcileOpen(q: Q, result: SpamResult, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += RECONCILE_CHUNK) {
    const chunk = ids.slice(i, i + RECONCILE_CHUNK);
    const [out, cleared] = await Promise.all([outNow(q, chunk), clearedUserIds(q, chunk)]);
    // one patch per state found
    const byReason = new Map<string, string[]>();
    for (const [id, reasons] of out) for (const reason of reasons) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
    for (const [reason, userIds] of byReason) applySpamPatch(result, { userIds, out: { reason, out: true } });
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
  const acc = result.accounts;
  for (const rows of waveMemberIndex(result).values()) for (const r of rows) if (acc.isOpenAt(r)) ids.push(acc.idAt(r));
  return reconcileOpen(q, result, ids);
}

/**
 * Which of these users are in an "out of review" state of a module that is on right now, with the
 * states' ids (one indexed query per page of candidates; none without such a module).
 */
async function outNow(q: Q, ids: readonly string[]): Promise<Map<string, string[]>> {
  const exits = enabledReviewExits(q.caps.modules);
  if (!ids.length || !exits.length) return new Map();
  const now = new Date();
  const rows = (await q.db
    .selectFrom("user")
    .select((eb) => ["user.id", ...exits.map((e, i) => sql<boolean>`${e.isOut(eb, now)}`.as(`out_${i}`))])
    .where("user.id", "=", sql<string>`any(${[...ids]}::text[])`)
    .where((eb) => eb.or(exits.map((e) => e.isOut(eb, now))))
    .execute()) as unknown as ({ id: string } & Record<string, unknown>)[];
  return new Map(rows.map((r) => [r.id, exits.flatMap((e, i) => (r[`out_${i}`] === true ? [e.reason] : []))]));
}
