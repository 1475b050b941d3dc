import { type Kysely, sql } from "kysely";
import type { Naming } from "../db/naming";

export interface ScanEstimate {
  /** users in the table (the planner's count; from the sample when the table was never analyzed) */
  rows: number;
  /** the block sample's size in percent of the table, its rows read, and how long that took */
  percent: number;
  sampled: number;
  sampleMs: number;
  /** estimated time of one substring search without the trigram indexes: the whole table at the sampled rate */
  searchMs: number;
}

/** Rows the sample aims at: 1% at 1M users, the whole table below 10,000. A few ms at any size. */
export const SAMPLE_ROWS = 10_000;

/**
 * How long a substring search takes without the trigram indexes, measured rather than assumed: the
 * search's own condition (lower(email) / lower(name) LIKE '%…%', no index can serve it) over a block
 * sample of about SAMPLE_ROWS rows of the user table (all of a small one: a 1% sample of a demo's
 * hundred pages often holds no page at all), timed, scaled to the table's row count. A table never
 * analyzed (no planner count) is read whole when small, else sampled at 1%, and counted from the
 * sample. It can be wrong where the sample's pages are cached and the rest are not (a cold table
 * reads slower), on a loaded server, where every figure is slower, and on a tiny table, where the
 * round trip is most of the time.
 */
export async function estimateUnindexedSearch(db: Kysely<any>, naming: Naming): Promise<ScanEstimate> {
  const table = sql.raw(naming.qualified("user"));
  const email = sql.raw(`"${naming.column("user", "email")}"`);
  const name = sql.raw(`"${naming.column("user", "name")}"`);
  const { rows: est } = await sql<{ n: string; bytes: string }>`
    select reltuples::bigint as n, pg_relation_size(oid) as bytes from pg_class where oid = ${naming.qualified("user")}::regclass`.execute(db);
  const counted = Number(est[0]?.n ?? -1);
  // never analyzed (-1): all of a small table (up to 8 MB, ~50k users), 1% of a larger one
  const percent = counted > 0 ? Math.min(100, Math.max(0.01, (100 * SAMPLE_ROWS) / counted)) : Number(est[0]?.bytes ?? 0) <= 8 * 1024 * 1024 ? 100 : 1;
  const pattern = "%zq\\_no match\\_qz%";
  const t0 = performance.now();
  // the percentage is computed here, never input: inlined so the planner sees a constant
  const { rows: got } = await sql<{ scanned: string }>`
    select count(*) as scanned, count(*) filter (where lower(${email}) like ${pattern} or lower(${name}) like ${pattern}) as matched
    from ${table} tablesample system (${sql.raw(percent.toFixed(4))}) repeatable (1)`.execute(db);
  const sampleMs = performance.now() - t0;
  const sampled = Number(got[0]?.scanned ?? 0);
  const rows = counted > 0 ? counted : Math.round((sampled * 100) / percent);
  return { rows, percent, sampled, sampleMs, searchMs: sampled > 0 ? (sampleMs * rows) / sampled : 0 };
}

/** "≈ 1.4 s", "≈ 350 ms", "≈ 4 ms": two significant figures are all a sampled estimate carries. */
export function formatEstimate(ms: number): string {
  const r = Number(ms.toPrecision(2));
  if (r >= 1000) return `≈ ${Number((r / 1000).toPrecision(2))} s`;
  return `≈ ${Math.max(1, r)} ms`;
}
