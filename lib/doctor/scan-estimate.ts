import { type Kysely, sql } from "kysely";
import type { Naming } from "../db/naming";

export interface ScanEstimate {
  /** users in the table (the planner's count) */
  rows: number;
  /** rows of the sample read, and how long that took */
  sampled: number;
  sampleMs: number;
  /** estimated time of one substring search without the trigram indexes: the whole table at the sampled rate */
  searchMs: number;
}

/**
 * How long a substring search takes without the trigram indexes, measured rather than assumed: the
 * search's own condition (lower(email) / lower(name) LIKE '%…%', no index can serve it) over a 1%
 * block sample of the user table, timed, scaled to the table's row count. Cheap at any size. It can
 * be wrong where the sample's pages are cached and the rest are not (a cold table reads slower), and
 * on a loaded server, where every figure is slower.
 */
export async function estimateUnindexedSearch(db: Kysely<any>, naming: Naming): Promise<ScanEstimate> {
  const table = sql.raw(naming.qualified("user"));
  const email = sql.raw(`"${naming.column("user", "email")}"`);
  const name = sql.raw(`"${naming.column("user", "name")}"`);
  const { rows: est } = await sql<{ n: string }>`select greatest(reltuples, 0)::bigint as n from pg_class where oid = ${naming.qualified("user")}::regclass`.execute(db);
  const rows = Number(est[0]?.n ?? 0);
  const pattern = "%zq\\_no match\\_qz%";
  const t0 = performance.now();
  const { rows: got } = await sql<{ scanned: string }>`
    select count(*) as scanned, count(*) filter (where lower(${email}) like ${pattern} or lower(${name}) like ${pattern}) as matched
    from ${table} tablesample system (1) repeatable (1)`.execute(db);
  const sampleMs = performance.now() - t0;
  const sampled = Number(got[0]?.scanned ?? 0);
  return { rows, sampled, sampleMs, searchMs: sampled > 0 ? (sampleMs * rows) / sampled : 0 };
}
