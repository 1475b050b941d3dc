import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../db/schema";

/**
 * Steadiness: on how many of the days that had any session a class of traffic (one address, one
 * network, one kind of client) was common, over a baseline longer than the scored window. A reverse
 * proxy or the app's own native client is a large part of nearly every day's traffic for months; an
 * attack is concentrated in hours or days. Calibration asks this before it switches a signal off, so
 * a wave that is a large share of a small app's sign-ups cannot disable the signals that describe it.
 *
 * Common, not merely present: on a busy app, spam that never stops (a drip here, a kit there, all
 * with the same few headless builds) puts a headless session on half the days, though it is a few
 * percent of any day's traffic. Counted by presence, that trickle made the headless class look like
 * the app's own traffic in 4 of the 6 slices of a 30-day window at 1M users (bench:spam, hard data),
 * and the wave that made the class common in the window switched its own signal off. So each day's
 * share is kept, and calibration asks for the share its own rule needs (calibrate.ts).
 *
 * One pass over the baseline's whole days per slice, and only for the few classes that are common
 * enough to be switched off at all (none in most slices):
 *
 *   select day, min("createdAt"), max("createdAt"), count(*),
 *          count(*) filter (where "ipAddress" = any($1)) as c0,                      -- the day's sessions of the class
 *          count(*) filter (where "ipAddress" = any($1) and "createdAt" >= $from and "createdAt" < $to) as p0, …
 *   from session where "createdAt" >= date_trunc('day', $from) and "createdAt" < date_trunc('day', $to) + '1 day'
 *   group by day
 *
 * A day is in the baseline when one of its sessions started in [from, to); its shares are of the
 * whole day, so the memo below, which keeps whole days, gives the same.
 */
const created = sql.ref("session.createdAt");
const day = sql`date_trunc('day', ${created})`;
const dayOf = (t: Date) => sql`date_trunc('day', ${t}::timestamptz)`;

export const BASELINE_MS = 90 * 86_400_000;
/** common on at least this share of the baseline's active days: steady */
export const STEADY_SHARE = 0.5;
/** fewer active days than this in the baseline: too little history to call anything steady */
export const MIN_BASELINE_DAYS = 7;
/** raw values probed per class (a class's most frequent ones) */
const MAX_VALUES = 200;

export interface Probe {
  id: string;
  column: "ipAddress" | "userAgent";
  /** raw values as the session table stores them */
  values: string[];
}

export interface Steadiness {
  /** days with any session in the baseline */
  days: number;
  /** per probe id, days on which the class was present */
  present: Map<string, number>;
  /** per probe id, the class's share of each baseline day's sessions (whole days), oldest day first */
  shares: Map<string, number[]>;
  from: Date;
  to: Date;
}

/** Baseline days on which the class was at least `dailyShare` of the day's sessions. */
export const commonDays = (s: Steadiness | null, id: string, dailyShare: number) => (s?.shares.get(id) ?? []).filter((x) => x >= dailyShare).length;

/** Steady: at least `dailyShare` of the day's sessions on most of the baseline's days. */
export const isSteady = (s: Steadiness | null, id: string, dailyShare: number) =>
  s !== null && s.days >= MIN_BASELINE_DAYS && commonDays(s, id, dailyShare) / s.days >= STEADY_SHARE;

/** How steady each probed class was over [to - BASELINE_MS, to). Null when nothing needs probing. */
export async function measureSteadiness(trx: Kysely<DB>, probes: readonly Probe[], to: Date, memo?: SteadinessMemo): Promise<Steadiness | null> {
  if (!probes.length) return null;
  const from = new Date(to.getTime() - BASELINE_MS);
  if (memo) return memo.measure(trx, probes, from, to);
  const inClass = (p: Probe) => sql<boolean>`${sql.ref(`session.${p.column}`)} = any(${p.values.slice(0, MAX_VALUES)}::text[])`;
  const inRange = sql<boolean>`${created} >= ${from} and ${created} < ${to}`;
  const rows = (await trx
    .selectFrom("session")
    .select([
      ms(day).as("d"), ms(sql`min(${created})`).as("lo"), ms(sql`max(${created})`).as("hi"), sql<number>`count(*)::int`.as("n"),
      ...probes.flatMap((p, k) => [
        sql<number>`(count(*) filter (where ${inClass(p)}))::int`.as(`c${k}`),
        sql<number>`(count(*) filter (where ${inClass(p)} and ${inRange}))::int`.as(`p${k}`),
      ]),
    ])
    .where(sql<boolean>`${created} >= ${dayOf(from)} and ${created} < ${dayOf(to)} + interval '1 day'`)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute()) as unknown as Record<string, number>[];
  const inBaseline = rows.filter((r) => dayInBaseline(Number(r.lo), Number(r.hi), from, to));
  const present = new Map(probes.map((p, k) => [p.id, inBaseline.filter((r) => Number(r[`p${k}`]) > 0).length]));
  const shares = new Map(probes.map((p, k) => [p.id, inBaseline.map((r) => Number(r[`c${k}`]) / Number(r.n))]));
  return { days: inBaseline.length, present, shares, from, to };
}

/**
 * A day whose first and last session start are lo and hi had a session in [from, to) (see the memo:
 * a 90-day range never starts and ends in one day).
 */
const dayInBaseline = (lo: number, hi: number, from: Date, to: Date) => hi >= from.getTime() && lo < to.getTime();

/** The most frequent raw values, for a probe. */
export function topValues(values: Iterable<string | null>, max = MAX_VALUES): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max).map(([v]) => v);
}

/** Per day (as date_trunc gives it, epoch ms): the first and last session start that day, and its sessions. */
type DayBounds = Map<number, [lo: number, hi: number, n: number]>;
const ms = (e: RawBuilder<unknown>) => sql<number>`(extract(epoch from ${e}) * 1000)::float8`;

/**
 * The same answer as the one-pass query above, for a run of many slices (an all-time pass: 40 at 1M
 * users). There, each slice's probe was a scan of the session table (no index serves a user agent),
 * though consecutive slices probe mostly the same values (the app's own client, the proxy's address)
 * over baselines that overlap by 89 of 90 days. Instead, each day's first and last session start and
 * its session count are read once, and once per raw value the days it appears on with the same three;
 * a slice only queries the values no earlier slice asked about. A day counts when one of its sessions
 * started in [from, to): for a day inside the range, any session; on the day `from` falls in, one at
 * or after `from` (the day's last); on the day `to` falls in, one before `to` (its first). The
 * baseline is 90 days, so those are never the same day. A class's share of a day is its values'
 * sessions that whole day over the day's. Memory: days × probed values, a few thousand entries.
 */
export class SteadinessMemo {
  private days: DayBounds | null = null;
  private readonly values = new Map<string, DayBounds>();

  /**
   * `earliest`: no baseline asked of this memo starts before it (a window's: its start less the
   * baseline), so sessions before its day are not read; null reads the whole history.
   */
  constructor(private readonly earliest: Date | null = null) {}

  async measure(trx: Kysely<DB>, probes: readonly Probe[], from: Date, to: Date): Promise<Steadiness> {
    if (this.earliest && from < this.earliest) throw new Error(`steadiness memo: a baseline from ${from.toISOString()} is before the memo's ${this.earliest.toISOString()}`);
    const since = this.earliest;
    if (!this.days) this.days = await groupDays(trx, since);
    for (const column of ["ipAddress", "userAgent"] as const) {
      const missing = new Set<string>();
      for (const p of probes) if (p.column === column) for (const v of p.values.slice(0, MAX_VALUES)) if (!this.values.has(`${column}\0${v}`)) missing.add(v);
      if (!missing.size) continue;
      const list = [...missing];
      for (const v of list) this.values.set(`${column}\0${v}`, new Map());
      const rows = await trx
        .selectFrom("session")
        .select([sql<string>`${sql.ref(`session.${column}`)}`.as("v"), ms(day).as("d"), ms(sql`min(${created})`).as("lo"), ms(sql`max(${created})`).as("hi"), sql<number>`count(*)::int`.as("n")])
        .where(sql<boolean>`${sql.ref(`session.${column}`)} = any(${list}::text[])`)
        .$if(since !== null, (q) => q.where(sql<boolean>`${created} >= ${dayOf(since as Date)}`))
        .groupBy([sql`1`, sql`2`])
        .execute();
      for (const r of rows) this.values.get(`${column}\0${r.v}`)?.set(Number(r.d), [Number(r.lo), Number(r.hi), Number(r.n)]);
    }
    const within = ([lo, hi]: [number, number, number]) => dayInBaseline(lo, hi, from, to);
    const inBaseline = [...this.days].filter(([, bounds]) => within(bounds)).sort((x, y) => x[0] - y[0]);
    const present = new Map<string, number>();
    const shares = new Map<string, number[]>();
    for (const p of probes) {
      const seen = new Set<number>();
      const perDay = new Map<number, number>();
      for (const v of p.values.slice(0, MAX_VALUES)) {
        for (const [d, bounds] of this.values.get(`${p.column}\0${v}`) ?? []) {
          if (within(bounds)) seen.add(d);
          perDay.set(d, (perDay.get(d) ?? 0) + bounds[2]);
        }
      }
      present.set(p.id, seen.size);
      shares.set(p.id, inBaseline.map(([d, [, , n]]) => (perDay.get(d) ?? 0) / n));
    }
    return { days: inBaseline.length, present, shares, from, to };
  }
}

/** Each day's first and last session start and its sessions, from `since`'s day on: one pass grouping the sessions by day. */
async function groupDays(trx: Kysely<DB>, since: Date | null): Promise<DayBounds> {
  const rows = await trx
    .selectFrom("session")
    .$if(since !== null, (q) => q.where(sql<boolean>`${created} >= ${dayOf(since as Date)}`))
    .select([ms(day).as("d"), ms(sql`min(${created})`).as("lo"), ms(sql`max(${created})`).as("hi"), sql<number>`count(*)::int`.as("n")])
    .groupBy(sql`1`)
    .execute();
  return new Map(rows.map((r) => [Number(r.d), [Number(r.lo), Number(r.hi), Number(r.n)]]));
}
