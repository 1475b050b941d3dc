import { sql } from "kysely";
import type { Q } from "../db/context";
import { computeBursts } from "./bursts";
import { calibrate, signalInfos } from "./calibrate";
import { clearedUserIds } from "./clearances";
import { spamConfig } from "./config";
import { loadFacts, loadTrainingLocals, type UserFacts } from "./facts";
import { extractFeatures, indexFeatures } from "./features";
import { buildOutcomes } from "./outcome";
import { scoreAccount } from "./score";
import { BigramModel } from "./signals/bigram";
import { findSequences } from "./signals/sequence";
import type { SpamAccount, SpamOptions, SpamResult } from "./types";
import { buildWaves, type Scored } from "./waves";

const DAY = 86_400_000;
/**
 * Sign-ups read before the scored window: the widest look-back any signal needs (a subnet's week,
 * the ±1 day bursts), so accounts at the window's start are judged with their neighbours.
 */
export const MARGIN_MS = 7 * DAY;
/** Sign-ups of the last 30 days are scored unless asked otherwise (0 = everyone). */
export const DEFAULT_SINCE_DAYS = 30;
/** below this many addresses the bigram model has not seen enough of the app's users */
const MIN_TRAINING = 500;

/**
 * Scores sign-ups (the last `sinceDays` days, default 30; 0 = everyone) for spam, in one database
 * session: one read-only transaction runs the facts query, the training sample and the clearance
 * look-up, and nothing is written. The string work and the grouping run here in JS over the window's
 * users. Never acts on anyone: the result is a review queue.
 */
export async function computeSpam(q: Q, opts: SpamOptions = {}): Promise<SpamResult> {
  const t0 = performance.now();
  const now = opts.now ?? new Date();
  const config = spamConfig();
  const thresholds = { ...config.thresholds, ...opts.thresholds };
  const sinceDays = opts.sinceDays ?? DEFAULT_SINCE_DAYS;
  const since = sinceDays > 0 ? new Date(now.getTime() - sinceDays * DAY) : null;
  const from = since ? new Date(since.getTime() - MARGIN_MS) : null;
  const timeout = Math.floor(opts.timeoutMs ?? 120_000);

  return q.db.transaction().execute(async (trx) => {
    const tq: Q = { ...q, db: trx };
    await sql`set local statement_timeout = ${sql.lit(timeout)}`.execute(trx);
    // The facts query is many small index look-ups: JIT compilation only adds start-up time.
    await sql`set local jit = off`.execute(trx);
    await sql`set transaction read only`.execute(trx);
    const facts = await loadFacts(tq, trx, from, now);
    const locals = await loadTrainingLocals(trx);
    const tQuery = performance.now();

    const model = locals.length >= MIN_TRAINING ? BigramModel.train(locals) : null;
    const f = extractFeatures(facts, model, config.nativeClients);
    const idx = indexFeatures(f);
    const cal = calibrate(q.caps, facts, f, idx, model, now.getTime());
    const seq = findSequences(facts.map((u, i) => ({ numbered: f.numbered[i] ?? null, domain: f.domain[i] ?? null, time: u.createdAt })));
    const bursts = computeBursts(f, idx, cal);
    const outcomes = buildOutcomes(facts, f, idx, cal, bursts, seq, now.getTime());
    const input = { facts, f, cal, bursts, outcomes, seq, now: now.getTime() };

    const scored: (Scored | undefined)[] = new Array(facts.length);
    const candidates: number[] = [];
    const start = since?.getTime() ?? Number.NEGATIVE_INFINITY;
    for (let i = 0; i < facts.length; i++) {
      const u = facts[i] as UserFacts;
      if (u.createdAt < start) continue;
      const s = scoreAccount(input, i);
      scored[i] = { id: u.id, score: s.score, reasons: s.reasons };
      if (s.score >= thresholds.review && !u.banned) candidates.push(i);
    }
    // "Not spam" decisions made after the sign-up take the account out of the queue and its waves.
    const cleared = await clearedUserIds(tq, candidates.map((i) => (facts[i] as UserFacts).id));
    const isCleared = (i: number) => {
      const at = cleared.get((facts[i] as UserFacts).id);
      return at !== undefined && at.getTime() >= (facts[i] as UserFacts).createdAt;
    };
    const flagged = candidates.filter((i) => !isCleared(i));
    const { waves, keyOf } = buildWaves(flagged, scored, f, outcomes, seq);

    const accounts = new Map<string, SpamAccount>();
    let likely = 0;
    for (let i = 0; i < facts.length; i++) {
      const s = scored[i];
      if (!s || (s.score === 0 && s.reasons.length === 0)) continue;
      const u = facts[i] as UserFacts;
      const clearedAt = isCleared(i) ? (cleared.get(u.id) ?? null) : null;
      if (s.score >= thresholds.likely && !u.banned && !clearedAt) likely++;
      accounts.set(u.id, { score: s.score, reasons: s.reasons, waveKey: keyOf.get(i) ?? null, createdAt: new Date(u.createdAt), banned: u.banned, clearedAt });
    }
    const tEnd = performance.now();
    return {
      computedAt: now,
      window: { since },
      thresholds,
      signals: signalInfos(cal),
      accounts,
      waves,
      stats: {
        scored: scored.reduce((n, s) => n + (s ? 1 : 0), 0),
        loaded: facts.length,
        flagged: flagged.length,
        likely,
        ms: { query: Math.round(tQuery - t0), score: Math.round(tEnd - tQuery), total: Math.round(tEnd - t0) },
      },
    };
  });
}
