import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Naming } from "../db/naming";
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
const created = sql.ref("session.createdAt");
const day = sql`date_trunc('day', ${created})`;

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

  /**
   * `earliest`: no baseline asked of this memo starts before it (a window's: its start less the
   * baseline), so sessions before it are not read. A day it cuts keeps its last start, which is all
   * a baseline starting on that day asks of it (see above); null reads the whole history.
   */
  constructor(
    private readonly earliest: Date | null = null,
    /** a btree leads with session.createdAt (the doctor's session_created): each day is probed through it */
    private readonly byDay = false,
  ) {}

  async measure(trx: Kysely<DB>, probes: readonly Probe[], from: Date, to: Date): Promise<Steadiness> {
    if (this.earliest && from < this.earliest) throw new Error(`steadiness memo: a baseline from ${from.toISOString()} is before the memo's ${this.earliest.toISOString()}`);
    const since = this.earliest;
    if (!this.days) this.days = this.byDay ? await probeDays(trx, since) : await groupDays(trx, since);
    for (const column of ["ipAddress", "userAgent"] as const) {
      const missing = new Set<string>();
      for (const p of probes) if (p.column === column) for (const v of p.values.slice(0, MAX_VALUES)) if (!this.values.has(`${column}\0${v}`)) missing.add(v);
      if (!missing.size) continue;
      const list = [...missing];
      for (const v of list) this.values.set(`${column}\0${v}`, new Map());
      const rows = await trx
        .selectFrom("session")
        .select([sql<string>`${sql.ref(`session.${column}`)}`.as("v"), ms(day).as("d"), ms(sql`min(${created})`).as("lo"), ms(sql`max(${created})`).as("hi")])
        .where(sql<boolean>`${sql.ref(`session.${column}`)} = any(${list}::text[])`)
        .$if(since !== null, (q) => q.where("session.createdAt", ">=", since as Date))
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

/** Each day's first and last session start, from `since` on: one pass grouping the sessions by day. */
async function groupDays(trx: Kysely<DB>, since: Date | null): Promise<DayBounds> {
  const rows = await trx
    .selectFrom("session")
    .$if(since !== null, (q) => q.where("session.createdAt", ">=", since as Date))
    .select([ms(day).as("d"), ms(sql`min(${created})`).as("lo"), ms(sql`max(${created})`).as("hi")])
    .groupBy(sql`1`)
    .execute();
  return new Map(rows.map((r) => [Number(r.d), [Number(r.lo), Number(r.hi)]]));
}

/**
 * The same through an index on the session's start: two look-ups per calendar day between the first
 * and the last start (the days of the history, not its sessions: at 1M users 1.3 s of grouping 1.1M
 * sessions became a few hundred look-ups). Days are cut as date_trunc cuts them, in the database
 * session's time zone, so the two agree.
 *
 *   select g, min, max from generate_series(date_trunc('day', $first), $last, '1 day') g
 *   cross join lateral (select min("createdAt"), max("createdAt") from session where "createdAt" >= g and "createdAt" < g + '1 day') b
 */
async function probeDays(trx: Kysely<DB>, since: Date | null): Promise<DayBounds> {
  const span = await trx
    .selectFrom("session")
    .$if(since !== null, (q) => q.where("session.createdAt", ">=", since as Date))
    .select([sql<Date | null>`min(${created})`.as("lo"), sql<Date | null>`max(${created})`.as("hi")])
    .executeTakeFirst();
  if (!span?.lo || !span.hi) return new Map();
  const g = sql.ref("g.g");
  const rows = await trx
    .selectFrom(sql`generate_series(date_trunc('day', ${span.lo}::timestamptz), ${span.hi}::timestamptz, interval '1 day')`.as("g"))
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom("session")
          .select([sql<Date | null>`min(${created})`.as("lo"), sql<Date | null>`max(${created})`.as("hi")])
          .where(sql<boolean>`${created} >= ${g} and ${created} < ${g} + interval '1 day'`)
          .$if(since !== null, (q) => q.where("session.createdAt", ">=", since as Date))
          .as("b"),
      (j) => j.onTrue(),
    )
    .select([ms(g).as("d"), ms(sql.ref("b.lo")).as("lo"), ms(sql.ref("b.hi")).as("hi")])
    .where(sql.ref("b.lo"), "is not", null)
    .execute();
  return new Map(rows.map((r) => [Number(r.d), [Number(r.lo), Number(r.hi)]]));
}

/** Whether a valid btree index on the session table leads with `createdAt` (any name, the doctor's or the app's own). */
export async function sessionStartIndexed(trx: Kysely<DB>, naming: Naming): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    select exists (
      select 1 from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_am am on am.oid = i.relam and am.amname = 'btree'
      join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
      where x.indrelid = to_regclass(${naming.qualified("session")}) and x.indisvalid and x.indpred is null
        and a.attname = ${naming.column("session", "createdAt")}
    ) as ok`.execute(trx);
  return r.rows[0]?.ok === true;
}
