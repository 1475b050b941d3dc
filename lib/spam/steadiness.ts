import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../db/schema";

/**
 * Steadiness: on how many of the days that had any session a class of traffic (one address, one
 * network, one kind of client) was present, over a baseline longer than the scored window. A reverse
 * proxy or the app's own native client is there nearly every day for months; an attack is
 * concentrated in hours or days. Calibration asks this before it switches a signal off, so a wave
 * that is a large share of a small app's sign-ups cannot disable the signals that describe it.
 *
 * One pass over the baseline's sessions per slice, and only for the few classes that are common
 * enough to be switched off at all (none in most slices):
 *
 *   select count(distinct day) as days, count(distinct day) filter (where "ipAddress" = any($1)) as p0, …
 *   from session where "createdAt" >= $from and "createdAt" < $to
 */
export const BASELINE_MS = 90 * 86_400_000;
/** present on at least this share of the baseline's active days: steady */
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
  from: Date;
  to: Date;
}

export const isSteady = (s: Steadiness | null, id: string) =>
  s !== null && s.days >= MIN_BASELINE_DAYS && (s.present.get(id) ?? 0) / s.days >= STEADY_SHARE;

/** How steady each probed class was over [to - BASELINE_MS, to). Null when nothing needs probing. */
export async function measureSteadiness(trx: Kysely<DB>, probes: readonly Probe[], to: Date, memo?: SteadinessMemo): Promise<Steadiness | null> {
  if (!probes.length) return null;
  const from = new Date(to.getTime() - BASELINE_MS);
  if (memo) return memo.measure(trx, probes, from, to);
  const day = sql`date_trunc('day', ${sql.ref("session.createdAt")})`;
  const cols = probes.map((p, k) => sql<number>`count(distinct ${day}) filter (where ${sql.ref(`session.${p.column}`)} = any(${p.values.slice(0, MAX_VALUES)}::text[]))::int`.as(`p${k}`));
  const row = (await trx
    .selectFrom("session")
    .select([sql<number>`count(distinct ${day})::int`.as("days"), ...cols])
    .where("session.createdAt", ">=", from)
    .where("session.createdAt", "<", to)
    .executeTakeFirst()) as Record<string, number> | undefined;
  const present = new Map(probes.map((p, k) => [p.id, Number(row?.[`p${k}`] ?? 0)]));
  return { days: Number(row?.days ?? 0), present, from, to };
}

/** The most frequent raw values, for a probe. */
export function topValues(values: Iterable<string | null>, max = MAX_VALUES): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max).map(([v]) => v);
}

/** Per UTC day (as date_trunc gives it, epoch ms): the first and last session start that day. */
type DayBounds = Map<number, [number, number]>;
const ms = (e: RawBuilder<unknown>) => sql<number>`(extract(epoch from ${e}) * 1000)::float8`;

/**
 * The same answer as the one-pass query above, for a run of many slices (an all-time pass: 40 at 1M
 * users). There, each slice's probe was a scan of the session table (no index serves a user agent),
 * though consecutive slices probe mostly the same values (the app's own client, the proxy's address)
 * over baselines that overlap by 89 of 90 days. Instead, each day's first and last session start is
 * read once, and once per raw value the days it appears on with their first and last start; a slice
 * only queries the values no earlier slice asked about. A day counts when one of its sessions started
 * in [from, to): for a day inside the range, any session; on the day `from` falls in, one at or after
 * `from` (the day's last); on the day `to` falls in, one before `to` (its first). The baseline is 90
 * days, so those are never the same day. Memory: days × probed values, a few thousand pairs.
 */
export class SteadinessMemo {
  private days: DayBounds | null = null;
  private readonly values = new Map<string, DayBounds>();

  async measure(trx: Kysely<DB>, probes: readonly Probe[], from: Date, to: Date): Promise<Steadiness> {
    const day = sql`date_trunc('day', ${sql.ref("session.createdAt")})`;
    if (!this.days) {
      const rows = await trx
        .selectFrom("session")
        .select([ms(day).as("d"), ms(sql`min(${sql.ref("session.createdAt")})`).as("lo"), ms(sql`max(${sql.ref("session.createdAt")})`).as("hi")])
        .groupBy(sql`1`)
        .execute();
      this.days = new Map(rows.map((r) => [Number(r.d), [Number(r.lo), Number(r.hi)]]));
    }
    for (const column of ["ipAddress", "userAgent"] as const) {
      const missing = new Set<string>();
      for (const p of probes) if (p.column === column) for (const v of p.values.slice(0, MAX_VALUES)) if (!this.values.has(`${column}\0${v}`)) missing.add(v);
      if (!missing.size) continue;
      const list = [...missing];
      for (const v of list) this.values.set(`${column}\0${v}`, new Map());
      const rows = await trx
        .selectFrom("session")
        .select([sql<string>`${sql.ref(`session.${column}`)}`.as("v"), ms(day).as("d"), ms(sql`min(${sql.ref("session.createdAt")})`).as("lo"), ms(sql`max(${sql.ref("session.createdAt")})`).as("hi")])
        .where(sql<boolean>`${sql.ref(`session.${column}`)} = any(${list}::text[])`)
        .groupBy([sql`1`, sql`2`])
        .execute();
      for (const r of rows) this.values.get(`${column}\0${r.v}`)?.set(Number(r.d), [Number(r.lo), Number(r.hi)]);
    }
    const a = from.getTime();
    const b = to.getTime();
    const within = ([lo, hi]: [number, number]) => hi >= a && lo < b;
    let days = 0;
    for (const bounds of this.days.values()) if (within(bounds)) days++;
    const present = new Map<string, number>();
    for (const p of probes) {
      const seen = new Set<number>();
      for (const v of p.values.slice(0, MAX_VALUES)) {
        for (const [d, bounds] of this.values.get(`${p.column}\0${v}`) ?? []) if (within(bounds)) seen.add(d);
      }
      present.set(p.id, seen.size);
    }
    return { days, present, from, to };
  }
}
