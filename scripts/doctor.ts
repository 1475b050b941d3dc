/**
 * npm run doctor [-- --apply [--yes]]
 * Checks a live database (DATABASE_URL + the AUTH_DB_* mapping): the name mapping, the Postgres
 * version and pg_trgm, table sizes and whether the planner's estimates are fresh, and which of the
 * dashboard's own queries (EXPLAINed as the pages run them) scan a large table for want of an index.
 * Prints the exact statements that fix each finding; --apply runs them after confirmation, always
 * CREATE INDEX CONCURRENTLY so the app keeps writing. The dashboard itself never changes the schema.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { parseConfig } from "../lib/config";
import { inspect } from "../lib/doctor/inspect";
import { estimateUnindexedSearch, formatEstimate } from "../lib/doctor/scan-estimate";
import { createNaming } from "../lib/db/naming";
import { openDatabase } from "../lib/db/open";

const { values } = parseArgs({ options: { apply: { type: "boolean", default: false }, yes: { type: "boolean", default: false } } });
const mb = (b: number) => (b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : `${(b / 1e6).toFixed(1)} MB`);
const fmt = (n: number) => Math.round(n).toLocaleString("en");

async function main() {
  const config = parseConfig();
  if (!config.databaseUrl) throw new Error("DATABASE_URL is not set: the doctor checks the app's database.");
  // Opening runs the same mapping check as the dashboard's start-up.
  const d = await openDatabase({
    url: config.databaseUrl, naming: createNaming(config.naming), poolMax: 2, statementTimeoutMs: 0, sessionsInStore: Boolean(config.redisUrl),
  });
  try {
    const r = await inspect(d);
    console.log(`Name mapping: ok (modules on: ${[...d.caps.modules].join(", ")})`);
    console.log(`PostgreSQL ${r.server.version}; pg_trgm ${r.trgm.installed ? "installed" : r.trgm.available ? "available, not installed" : "NOT available on this server"}\n`);
    if (!r.server.autovacuum) {
      console.log("autovacuum is OFF on this server: planner estimates, index-only scans and trigram indexes degrade as rows change.");
      console.log("  Turn it on (postgresql.conf: autovacuum = on), or VACUUM (ANALYZE) the auth tables regularly.\n");
    }
    console.log("Tables:");
    for (const t of r.tables) {
      const analysed = t.lastAnalyzed ? `analysed ${t.lastAnalyzed.toISOString().slice(0, 16)}` : "never analysed";
      console.log(`  ${t.table.padEnd(16)} ${fmt(t.liveRows).padStart(12)} rows  ${mb(t.bytes).padStart(9)}  ${analysed}${t.stale ? "  ← estimates stale" : ""}`);
    }
    console.log("\nIndexes the dashboard uses:");
    for (const i of r.indexes) {
      const state = i.present ? `(${i.present})${i.pendingList ? " has GIN's pending list: searches slow down after writes" : ""}` : "missing";
      console.log(`  ${i.present && !i.pendingList ? "✓" : "✗"} ${i.spec.id.padEnd(22)} ${state} — ${i.spec.why}`);
    }
    console.log("\nQueries checked with EXPLAIN:");
    for (const p of r.probes) {
      const state = p.seqScans.length ? `scans ${p.seqScans.join(", ")}${p.missing.length ? ` → needs ${p.missing.join(", ")}` : ""}` : "uses an index (or the table is small)";
      console.log(`  ${p.seqScans.length ? "✗" : "✓"} ${p.name.padEnd(28)} ${state}`);
    }
    if (!r.trgm.available) console.log("\npg_trgm is not available: substring search stays a full scan (install the postgresql-contrib package).");
    if (!d.caps.searchIndexed) {
      // measured on a sample now, not assumed (lib/doctor/scan-estimate.ts); the users page shows the same figure
      const e = await estimateUnindexedSearch(d.authDb, d.naming);
      const sample = `a ${Number(e.percent.toPrecision(2))}% sample of ${fmt(e.sampled)} rows took ${Math.round(e.sampleMs)} ms`;
      console.log(`\nWithout the trigram indexes a search reads every user: ${formatEstimate(e.searchMs)} per search at ${fmt(e.rows)} users (${sample}).`);
      console.log("  `term*` (starts with) searches emails through Better Auth's email index and stays fast without them.");
    }
    if (!r.statements.length) {
      console.log("\nNothing to do.");
      return;
    }
    console.log("\nStatements that fix these findings:\n");
    for (const s of r.statements) console.log(`  ${s};`);
    if (!values.apply) {
      console.log("\nRun `npm run doctor -- --apply` to apply them (it asks first).");
      return;
    }
    if (!values.yes) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = await rl.question(`\nApply these ${r.statements.length} statements to ${new URL(config.databaseUrl).host}? [y/N] `);
      rl.close();
      if (!/^y(es)?$/i.test(answer.trim())) {
        console.log("Nothing applied.");
        return;
      }
    }
    for (const s of r.statements) {
      const t0 = performance.now();
      process.stdout.write(`  ${s} … `);
      // CONCURRENTLY cannot run inside a transaction: each statement on its own.
      await sql.raw(s).execute(d.authDb);
      console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log("\nDone. Restart the dashboard so it sees the new indexes.");
  } finally {
    await d.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
