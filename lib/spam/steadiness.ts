import { type Kysely, sql } from "kysely";
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
export async function measureSteadiness(trx: Kysely<DB>, probes: readonly Probe[], to: Date): Promise<Steadiness | null> {
  if (!probes.length) return null;
  const from = new Date(to.getTime() - BASELINE_MS);
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
