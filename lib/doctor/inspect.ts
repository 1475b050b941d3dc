import { sql } from "kysely";
import { encodeCursor } from "../db/cursor";
import type { Database } from "../db/open";
import { enabledListFilters, type ModelName } from "../modules";
import { listSessions } from "../sessions/list";
import { parseSessionListParams } from "../sessions/search-params";
import { listUsers } from "../users/queries";
import { parseUserListParams } from "../users/list-params";
import { explainingQ, seqScans } from "./explain";
import { quoteIdent } from "../db/naming";
import { createIndexSql, type IndexSpec, indexName, noPendingList, recommendedIndexes } from "./indexes";

/** Below this many rows a sequential scan is as good as an index. */
export const SMALL_TABLE = 10_000;

export interface DoctorReport {
  /** autovacuum off: estimates, the visibility map (index-only scans) and GIN pending lists go stale */
  server: { version: string; versionNum: number; autovacuum: boolean };
  trgm: { installed: boolean; available: boolean };
  tables: { model: ModelName; table: string; rows: number; liveRows: number; bytes: number; lastAnalyzed: Date | null; stale: boolean }[];
  /** pendingList: a trigram index that still has GIN's pending list (see indexes.ts) */
  indexes: { spec: IndexSpec; present: string | null; pendingList: boolean }[];
  probes: { name: string; seqScans: string[]; missing: string[] }[];
  statements: string[];
}

type Probe = { name: string; fixes: string[]; run: (q: Database) => Promise<unknown> };

function probes(d: Database): Probe[] {
  const u = (query: Record<string, string>) => (q: Database) => listUsers(q, parseUserListParams(query));
  const s = (query: Record<string, string>) => (q: Database) => listSessions(q, parseSessionListParams(query));
  const searchFixes = ["user_email_trgm", "user_name_trgm", "user_username_trgm", "user_phoneNumber_trgm"];
  const list: Probe[] = [
    { name: "users, newest first", fixes: ["user_created"], run: u({}) },
    { name: "users, deep page (cursor)", fixes: ["user_created"], run: u({ cursor: encodeCursor({ sort: "-createdAt", value: "2020-01-01 00:00:00+00", id: "~" }) }) },
    { name: "users search (substring)", fixes: searchFixes, run: u({ q: "doctor-probe" }) },
    { name: "users sorted by name", fixes: ["user_name_sort"], run: u({ sort: "name" }) },
    { name: "users by last activity", fixes: ["session_updated"], run: u({ sort: "-lastActiveAt" }) },
    { name: "sessions of one IP", fixes: ["session_ip"], run: s({ ip: "203.0.113.9" }) },
    { name: "sessions of a /24", fixes: ["session_ip"], run: s({ ip: "203.0.113.0/24" }) },
    { name: "sessions, newest first", fixes: ["session_created"], run: s({}) },
  ];
  // the modules' users-list filters that name the index serving them (a ban filter, say)
  for (const f of enabledListFilters(d.caps.modules)) if (f.probe) list.push({ name: f.probe.name, fixes: [f.probe.index], run: u({ [f.key]: f.probe.value }) });
  return d.caps.sessionTable ? list : list.filter((p) => !p.name.startsWith("sessions") && p.name !== "users by last activity");
}

/** Everything `npm run doctor` reports, read-only. */
export async function inspect(d: Database, opts: { smallTable?: number } = {}): Promise<DoctorReport> {
  const n = d.naming;
  const schema = n.options.schema;
  const models: ModelName[] = d.caps.sessionTable ? ["user", "session", "account"] : ["user", "account"];
  const [version, ext, stats, idx] = await Promise.all([
    sql<{ v: string; num: string; av: string }>`select current_setting('server_version') as v, current_setting('server_version_num') as num, current_setting('autovacuum') as av`.execute(d.authDb),
    sql<{ name: string; installed: string | null }>`select name, installed_version as installed from pg_available_extensions where name = 'pg_trgm'`.execute(d.authDb),
    sql<{ table: string; rows: number; live: number | null; bytes: string; analyzed: Date | null }>`
      select c.relname as table, c.reltuples::float8 as rows, s.n_live_tup::float8 as live, pg_total_relation_size(c.oid)::text as bytes,
        greatest(s.last_analyze, s.last_autoanalyze) as analyzed
      from pg_class c join pg_namespace ns on ns.oid = c.relnamespace left join pg_stat_user_tables s on s.relid = c.oid
      where ns.nspname = ${schema} and c.relkind = 'r' and c.relname = any(${models.map((m) => n.table(m))}::text[])`.execute(d.authDb),
    sql<{ table: string; name: string; def: string }>`select tablename as table, indexname as name, indexdef as def from pg_indexes where schemaname = ${schema}`.execute(d.authDb),
  ]);

  const tables = models.map((model) => {
    const row = stats.rows.find((r) => r.table === n.table(model));
    const rows = Math.max(0, row?.rows ?? 0);
    const liveRows = row?.live ?? rows;
    // An estimate off by a fifth, or a table never analysed, makes counts and plans wrong.
    const stale = (row?.rows ?? -1) < 0 || (liveRows > 1000 && Math.abs(liveRows - rows) / liveRows > 0.2);
    return { model, table: n.table(model), rows, liveRows, bytes: Number(row?.bytes ?? 0), lastAnalyzed: row?.analyzed ?? null, stale };
  });

  const indexes = recommendedIndexes(n, d.caps).map((spec) => {
    const mine = idx.rows.filter((r) => r.table === n.table(spec.model));
    const found = mine.find((r) => r.name === indexName(spec) || spec.equivalent.test(r.def));
    return { spec, present: found?.name ?? null, pendingList: Boolean(found && spec.needsTrgm && !noPendingList(found.def)) };
  });

  const small = opts.smallTable ?? SMALL_TABLE;
  const big = new Set(tables.filter((t) => Math.max(t.rows, t.liveRows) >= small).map((t) => t.table));
  const missingIds = new Set(indexes.filter((i) => !i.present).map((i) => i.spec.id));
  const probeResults: DoctorReport["probes"] = [];
  for (const p of probes(d)) {
    const { q, plans } = explainingQ(d, d.pool);
    await p.run(q as Database);
    const scans = [...new Set(plans.flatMap(seqScans))].filter((t) => big.has(t));
    probeResults.push({ name: p.name, seqScans: scans, missing: scans.length ? p.fixes.filter((f) => missingIds.has(f)) : [] });
  }

  const trgm = { installed: Boolean(ext.rows[0]?.installed), available: ext.rows.length > 0 };
  const statements: string[] = [];
  const missing = indexes.filter((i) => !i.present);
  if (missing.some((i) => i.spec.needsTrgm) && !trgm.installed && trgm.available) statements.push("CREATE EXTENSION IF NOT EXISTS pg_trgm");
  for (const i of missing) if (!i.spec.needsTrgm || trgm.available) statements.push(createIndexSql(n, i.spec));
  for (const i of indexes) {
    if (!i.present || !i.pendingList) continue;
    // A brief exclusive lock on the index to change the setting; then the queued entries are merged.
    const name = `${quoteIdent(schema)}.${quoteIdent(i.present)}`;
    statements.push(`ALTER INDEX ${name} SET (fastupdate = off)`, `SELECT gin_clean_pending_list('${name.replace(/'/g, "''")}'::regclass)`);
  }
  for (const t of tables) if (t.stale) statements.push(`ANALYZE ${n.qualified(t.model)}`);

  return {
    server: { version: version.rows[0]?.v ?? "?", versionNum: Number(version.rows[0]?.num ?? 0), autovacuum: version.rows[0]?.av === "on" },
    trgm,
    tables,
    indexes,
    probes: probeResults,
    statements,
  };
}
