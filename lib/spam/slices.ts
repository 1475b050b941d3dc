import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema";
import type { SignalInfo, Wave } from "./types";

/**
 * Time slices of the scored window, so resident memory is bounded by one slice, not by the history.
 * Each slice holds about SLICE_USERS sign-ups (whole UTC days; one busier day is a slice of its own)
 * and is judged with MARGIN_MS of neighbours on both sides (the ±1 day bursts, a wave's days, the
 * subnet's and mailbox's week between members), so an account at a slice's edge is judged with its
 * neighbours. A group that straddles a cut is seen whole from both sides and keeps one key (its first
 * member's day), so its two halves merge into one wave; only groups slower than the margin are cut.
 *
 * A slice also spans at least SLICE_DAYS days: every slice's users are judged with 2 × MARGIN_MS of
 * neighbours, so a slice much shorter than the margin makes each sign-up's neighbours read, indexed
 * and grouped over and over. With 25k sign-ups a slice was ~6 days on the last month of the 1M
 * bench (~4k sign-ups a day) and under one day at 10M (~39k a day): each slice worked through 15
 * days of sign-ups to score one, and the 10M all-time pass spent 45× the JS of the 1M one. A slice
 * of at least the margin's length bounds that work at 3× the sign-ups scored, whatever the rate;
 * memory is then bounded by three margins' worth of sign-ups on a busy app (it already was: the
 * margins dominated), and by SLICE_USERS plus the margins on a quiet one.
 *
 *   select floor(extract(epoch from "createdAt") / 86400) as day, count(*) from "user"
 *   where "createdAt" >= $since group by 1 order by 1
 */
// 25k rather than 50k: at 1M users (all-time, bench_1000000) peak RSS 384 MB instead of 480 MB, for
// ~7% more CPU (the ±7-day neighbours are featured once per slice); verdicts unchanged (35,809 flagged).
export const SLICE_USERS = 25_000;
const DAY = 86_400_000;
export const MARGIN_MS = 7 * DAY;
export const SLICE_DAYS = MARGIN_MS / DAY;

export interface Slice {
  /** sign-ups scored: [from, to); null = unbounded */
  from: number | null;
  to: number | null;
}

export interface SliceSize {
  /** sign-ups per slice, at most (a busier stretch of `days` may hold more) */
  users?: number;
  /** days per slice, at least */
  days?: number;
}

export async function planSlices(trx: Kysely<DB>, since: Date | null, size: SliceSize = {}): Promise<Slice[]> {
  const dayOf = sql<number>`floor(extract(epoch from ${sql.ref("user.createdAt")}) / 86400)::int`;
  let q = trx.selectFrom("user").select([dayOf.as("day"), sql<number>`count(*)::int`.as("n")]);
  if (since) q = q.where("user.createdAt", ">=", since);
  const rows = await q.groupBy(sql`1`).orderBy(sql`1`).execute();
  return cutSlices(rows, since?.getTime() ?? null, size);
}

/** The cuts, from sign-ups per UTC day (day = days since the epoch, ascending): see the header. */
export function cutSlices(perDay: readonly { day: number; n: number }[], since: number | null, { users = SLICE_USERS, days = SLICE_DAYS }: SliceSize = {}): Slice[] {
  const slices: Slice[] = [];
  let from: number | null = since;
  // the day the slice in hand began (set with its first sign-ups)
  let first = 0;
  let count = 0;
  for (const r of perDay) {
    if (count > 0 && count + r.n > users && r.day - first >= days) {
      const cut = r.day * DAY;
      slices.push({ from, to: cut });
      from = cut;
      count = 0;
    }
    if (count === 0) first = r.day;
    count += r.n;
  }
  slices.push({ from, to: null });
  return slices;
}

/** One wave seen in several slices (same key: the same group, read from both sides of a cut) becomes one. */
export function mergeWave(a: Wave, b: Wave, scoreOf: (id: string) => number, sample: number): Wave {
  const size = a.size + b.size;
  const reasons = new Map<string, { count: number; text: string }>();
  for (const r of [...a.topReasons, ...b.topReasons]) {
    const t = reasons.get(r.code);
    if (t) t.count += r.count;
    else reasons.set(r.code, { count: r.count, text: r.text });
  }
  return {
    ...a,
    size,
    // members still open: each slice counted its own (lib/spam/patch.ts keeps it current afterwards)
    left: a.left + b.left,
    firstAt: new Date(Math.min(a.firstAt.getTime(), b.firstAt.getTime())),
    lastAt: new Date(Math.max(a.lastAt.getTime(), b.lastAt.getTime())),
    avgScore: Math.round((a.avgScore * a.size + b.avgScore * b.size) / size),
    topReasons: [...reasons].sort((x, y) => y[1].count - x[1].count).slice(0, 3).map(([code, t]) => ({ code, count: t.count, text: t.text })),
    sampleUserIds: [...a.sampleUserIds, ...b.sampleUserIds].sort((x, y) => scoreOf(y) - scoreOf(x)).slice(0, sample),
  };
}

/**
 * The signals of a sliced run: a signal is active unless some slice switched it off; when only some
 * did, the reason says in how many (an old stretch of history behind a proxy, say).
 */
export function mergeSignals(perSlice: SignalInfo[][]): SignalInfo[] {
  const first = perSlice[0] ?? [];
  return first.map((s, k) => {
    const all = perSlice.map((list) => list[k] as SignalInfo);
    const off = all.filter((x) => !x.active);
    if (!off.length) return all.at(-1) ?? s;
    const why = off[0]?.why ?? "";
    return { ...s, active: false, why: off.length === all.length ? why : `in ${off.length} of ${all.length} time slices: ${why}` };
  });
}
