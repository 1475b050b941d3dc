import { sql } from "kysely";
import type { Q } from "../db/context";
import { computeBursts } from "./bursts";
import { calibrate, calibrationProbes, signalInfos } from "./calibrate";
import { SpamAccountsBuilder } from "./accounts";
import { clearedUserIds } from "./clearances";
import { spamConfig } from "./config";
import { FactStream } from "./fact-stream";
import { loadFacts, loadTrainingLocals, type UserFacts } from "./facts";
import { extractFeatures, type Features, indexFeatures } from "./features";
import { buildOutcomes } from "./outcome";
import { scoreAccount } from "./score";
import { BigramModel } from "./signals/bigram";
import { findSequences } from "./signals/sequence";
import type { ClientInfo } from "./signals/user-agent";
import { MARGIN_MS, mergeSignals, mergeWave, planSlices, type Slice } from "./slices";
import { BASELINE_MS, measureSteadiness, SteadinessMemo } from "./steadiness";
import type { SignalInfo, SpamOptions, SpamResult, Wave } from "./types";
import { buildWaves, type Scored } from "./waves";

const DAY = 86_400_000;
/** Sign-ups of the last 30 days are scored unless asked otherwise (0 = everyone). */
export const DEFAULT_SINCE_DAYS = 30;
/** below this many addresses the bigram model has not seen enough of the app's users */
const MIN_TRAINING = 500;
/** members listed per wave (highest score first) */
const WAVE_SAMPLE = 20;

/**
 * Scores sign-ups (the last `sinceDays` days, default 30; 0 = everyone) for spam, in one database
 * session: one read-only transaction runs every query, and nothing is written. The window is scored in
 * time slices (lib/spam/slices.ts), each read with the neighbours its signals need, so memory holds one
 * slice's users plus the result, whatever the history's length. Calibration asks the baseline before
 * it switches anything off (lib/spam/steadiness.ts). Never acts on anyone: the result is a review queue.
 */
export async function computeSpam(q: Q, opts: SpamOptions = {}): Promise<SpamResult> {
  const t0 = performance.now();
  const now = opts.now ?? new Date();
  const config = spamConfig();
  const thresholds = { ...config.thresholds, ...opts.thresholds };
  const sinceDays = opts.sinceDays ?? DEFAULT_SINCE_DAYS;
  const since = sinceDays > 0 ? new Date(now.getTime() - sinceDays * DAY) : null;
  const timeout = Math.floor(opts.timeoutMs ?? 120_000);

  return q.db.transaction().execute(async (trx) => {
    const tq: Q = { ...q, db: trx };
    await sql`set local statement_timeout = ${sql.lit(timeout)}`.execute(trx);
    // The facts query is many small index look-ups: JIT compilation only adds start-up time.
    await sql`set local jit = off`.execute(trx);
    // Sorts and hashes over many sessions, on the database server, for this transaction only: the
    // all-time facts statement (fact-stream.ts: 50 s -> 39 s at 1M users) and the steadiness memo's
    // grouping of a window's baseline by value and day (spilled to disk with Postgres's default 4 MB:
    // 1.9 s -> 1.2 s at 1M users for the last 30 days).
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`set transaction read only`.execute(trx);
    let tQuery = 0;
    const timed = async <T>(p: Promise<T>): Promise<T> => {
      const t = performance.now();
      const out = await p;
      tQuery += performance.now() - t;
      return out;
    };
    const locals = await timed(loadTrainingLocals(trx));
    const slices = await timed(planSlices(trx, since, opts.slice));
    // Everyone: one grouped statement read through a cursor, slice by slice (lib/spam/fact-stream.ts);
    // a window reads each slice's users with their own look-ups, cheaper for a part of the history.
    // Its first FETCH runs the whole statement: it may take what the per-slice reads could (a
    // statement timeout per slice), where a later FETCH only reads on.
    const stream = since === null ? await timed(FactStream.open(tq, trx, now, { timeoutMs: timeout, firstFetchMs: timeout * slices.length })) : null;
    // What slice k reads: up to its end plus the margin, from where the slice before it stopped (the
    // slices are contiguous, so that is past this one's own look-back, which is carried over below);
    // the first from its start less the margin. Each sign-up is read once.
    const read = (k: number): Promise<UserFacts[]> => {
      const s = slices[k] as Slice;
      const prev = k > 0 ? (slices[k - 1] as Slice).to : null;
      const from = prev !== null ? prev + MARGIN_MS : s.from === null ? null : s.from - MARGIN_MS;
      const to = s.to === null ? null : s.to + MARGIN_MS;
      return stream ? stream.readUntil(to) : loadFacts(tq, trx, from === null ? null : new Date(from), now, to === null ? null : new Date(to));
    };
    // The next slice's read is sent before this one's scoring runs: Postgres works on it (one
    // connection: statements queue) while the JS scores, instead of each waiting for the other. The
    // first one runs while the address model trains. A read that fails aborts the transaction, so the
    // statements queued behind it fail too ("current transaction is aborted"): the read's own error
    // (a statement timeout: a 503 that says so) is the one the pass rejects with (see the catch below).
    let readFailed: { error: unknown } | null = null;
    const ahead = (k: number) => {
      if (k >= slices.length) return null;
      const p = read(k);
      p.catch((error: unknown) => {
        readFailed ??= { error };
      });
      return p;
    };
    let next = ahead(0);
    const model = locals.length >= MIN_TRAINING ? BigramModel.train(locals) : null;

    // The result is columnar (lib/spam/accounts.ts): what grows with the history is ~55 B per account.
    const accounts = new SpamAccountsBuilder();
    const waves = new Map<string, Wave>();
    // scores of the waves' sample members, for merging a wave seen from two slices
    const sampleScores = new Map<string, number>();
    const signals: SignalInfo[][] = [];
    const stats = { scored: 0, loaded: 0, flagged: 0, likely: 0 };
    // Rows read for one slice that the next needs as its look-back stay in memory, so each sign-up is
    // read from the database once, however many slices see it.
    let carry: UserFacts[] = [];
    // and their features, computed once (a row's features are its own: lib/spam/features.ts)
    let carryF: Features | null = null;
    const uaCache = new Map<string, ClientInfo>();
    // Many slices probe mostly the same values over overlapping baselines: read each once (steadiness.ts).
    // A window's baselines reach back BASELINE_MS before its start at most: older sessions are not read.
    const memo = slices.length > 1 ? new SteadinessMemo(since && new Date(since.getTime() - BASELINE_MS)) : undefined;
    try {
      for (const [k, slice] of slices.entries()) {
        const from = slice.from === null ? null : slice.from - MARGIN_MS;
        // carry is in sign-up order: what the look-back keeps is its tail
        let keepFrom = 0;
        while (from !== null && keepFrom < carry.length && (carry[keepFrom] as UserFacts).createdAt < from) keepFrom++;
        const kept = keepFrom < carry.length ? carry.slice(keepFrom) : [];
        const fresh = await timed(next as Promise<UserFacts[]>);
        const facts = kept.length ? kept.concat(fresh) : fresh;
        carry = facts;
        stats.loaded += fresh.length;
        const f = extractFeatures(facts, model, config.nativeClients, carryF && kept.length ? { f: carryF, from: keepFrom } : undefined, uaCache);
        carryF = f;
        const idx = indexFeatures(f);
        const steady = await timed(measureSteadiness(trx, calibrationProbes(facts, f, idx), new Date(Math.min(now.getTime(), slice.to ?? now.getTime())), memo));
        next = ahead(k + 1);
        const cal = calibrate(q.caps, facts, f, idx, model, now.getTime(), steady);
        signals.push(signalInfos(cal));
        const seq = findSequences(facts.map((u, i) => ({ numbered: f.numbered[i] ?? null, domain: f.domain[i] ?? null, time: u.createdAt })));
        const bursts = computeBursts(f, idx, cal);
        const outcomes = buildOutcomes(facts, f, idx, cal, bursts, seq, now.getTime());
        const input = { facts, f, cal, bursts, outcomes, seq, now: now.getTime() };

        const scored: (Scored | undefined)[] = new Array(facts.length);
        const candidates: number[] = [];
        const start = slice.from ?? Number.NEGATIVE_INFINITY;
        const end = slice.to ?? Number.POSITIVE_INFINITY;
        for (let i = 0; i < facts.length; i++) {
          const u = facts[i] as UserFacts;
          if (u.createdAt < start || u.createdAt >= end) continue;
          const s = scoreAccount(input, i);
          scored[i] = { id: u.id, score: s.score, reasons: s.reasons };
          stats.scored++;
          if (s.score >= thresholds.review && !u.out) candidates.push(i);
        }
        // "Not spam" decisions made after the sign-up take the account out of the queue and its waves.
        const cleared = await timed(clearedUserIds(tq, candidates.map((i) => (facts[i] as UserFacts).id)));
        const isCleared = (i: number) => {
          const at = cleared.get((facts[i] as UserFacts).id);
          return at !== undefined && at.getTime() >= (facts[i] as UserFacts).createdAt;
        };
        const flagged = candidates.filter((i) => !isCleared(i));
        stats.flagged += flagged.length;
        const built = buildWaves(flagged, scored, f, outcomes, seq);
        const flaggedScore = new Map(flagged.map((i) => [(facts[i] as UserFacts).id, scored[i]?.score ?? 0]));

        for (let i = 0; i < facts.length; i++) {
          const s = scored[i];
          // Score 0 keeps no row (most of a history: trust outweighs what little suspicion there is), so
          // the result grows with the suspicious accounts, not with everyone; pages show such an
          // account as 0 with nothing to say.
          if (!s || s.score === 0) continue;
          const u = facts[i] as UserFacts;
          const clearedAt = isCleared(i) ? (cleared.get(u.id) ?? null) : null;
          if (s.score >= thresholds.likely && !u.out && !clearedAt) stats.likely++;
          accounts.add(u.id, s.score, s.reasons, built.keyOf.get(i) ?? null, u.createdAt, u.out, clearedAt?.getTime() ?? null);
        }
        // A group that straddles a cut is read whole from both sides and keyed alike: one wave.
        const scoreOf = (id: string) => sampleScores.get(id) ?? 0;
        for (const w of built.waves) {
          for (const id of w.sampleUserIds) sampleScores.set(id, flaggedScore.get(id) ?? 0);
          const seen = waves.get(w.key);
          waves.set(w.key, seen ? mergeWave(seen, w, scoreOf, WAVE_SAMPLE) : w);
        }
      }
    } catch (err) {
      throw readFailed ? (readFailed as { error: unknown }).error : err;
    }
    const tEnd = performance.now();
    return {
      computedAt: now,
      window: { since },
      thresholds,
      signals: mergeSignals(signals),
      accounts: accounts.finish(),
      waves: [...waves.values()].sort((a, b) => b.size - a.size || b.avgScore - a.avgScore || a.key.localeCompare(b.key)),
      stats: {
        ...stats,
        slices: slices.length,
        ms: { query: Math.round(tQuery), score: Math.round(tEnd - t0 - tQuery), total: Math.round(tEnd - t0) },
      },
    };
  });
}
