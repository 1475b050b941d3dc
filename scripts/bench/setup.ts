import { loadavg } from "node:os";
import { Kysely, PostgresDialect, sql } from "kysely";
import { startEmbedded } from "../../lib/db/embedded";
import { migrateAppSchema } from "../../lib/db/migrate";
import { createNaming } from "../../lib/db/naming";
import { createPool, openDatabase } from "../../lib/db/open";
import { seedDatabase } from "../../lib/seed/insert";
import { STAFF } from "../../lib/seed/staff";

/**
 * The benchmark database: schema bench_<N> on BENCH_DATABASE_URL (else DATABASE_URL, else the
 * embedded engine), seeded once and reused while it holds exactly N seeded users (+ staff).
 */
export async function prepareBenchDatabase(users: number | undefined) {
  let url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const e = await startEmbedded();
    url = e.url;
    stop = e.stop;
    console.log("No BENCH_DATABASE_URL/DATABASE_URL: benchmarking on the embedded engine (set one for the 1M-user run).");
  }
  const n = users ?? (stop ? 20_000 : 1_000_000);
  const schema = `bench_${n}`;
  const naming = createNaming({ schema, casing: "camel", usePlural: false, models: {} });
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPool(url, 3, 3_600_000) }) });
  // Only a missing schema or table means "seed": any other error must not drop a 1M-user database.
  const seeded = await sql<{ n: string }>`select count(*) as n from ${sql.id(schema, "user")}`.execute(raw).then(
    (r) => Number(r.rows[0]?.n),
    (err: { code?: string }) => {
      if (err.code === "42P01" || err.code === "3F000") return -1;
      throw err;
    },
  );
  if (seeded !== n + STAFF.length) {
    console.log(`Seeding ${n.toLocaleString("en")} users into schema ${schema}…`);
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(raw);
    await sql`create schema ${sql.id(schema)}`.execute(raw);
    await migrateAppSchema(raw, naming, ["admin"]);
    // A real Postgres gets worker threads writing with COPY and the bulk load (indexes built after);
    // the embedded engine the plain inserts. SEED_WORKERS: threads (default 3; 1 = the sequential data).
    const workers = Number(process.env.SEED_WORKERS ?? 3);
    let peakRss = 0;
    let lastLine = 0;
    const r = await seedDatabase(raw, naming, {
      users: n, seed: 1, concurrency: stop ? 1 : 2, copy: stop ? undefined : { url, workers }, bulk: !stop,
      onProgress: (p) => {
        peakRss = Math.max(peakRss, p.rss);
        // a line every ~10 s (and the last): rate and memory over a long run, not one overwritten line
        if (p.ms - lastLine < 10_000 && p.users < p.total) return;
        lastLine = p.ms;
        const load = loadavg()[0]?.toFixed(1);
        console.log(`  ${p.users.toLocaleString("en")} / ${p.total.toLocaleString("en")} users  ${Math.round(p.users / (p.ms / 1000)).toLocaleString("en")} users/s  RSS ${Math.round(p.rss / 1e6)} MB  load ${load}`);
      },
      onIndexBuilt: (d, ms) => console.log(`  built ${d.kind} ${d.name} on ${d.table} in ${(ms / 1000).toFixed(1)} s`),
    });
    console.log(`  ${r.users} users, ${r.accounts} accounts, ${r.sessions} sessions in ${(r.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(peakRss / 1e6)} MB`);
    // What autovacuum does to a live app's tables (and a test server may have it off): statistics,
    // and the visibility map that lets index-only scans skip the heap.
    for (const m of ["user", "account", "session"]) await sql`vacuum (analyze) ${sql.id(schema, m)}`.execute(raw);
  } else {
    console.log(`Reusing ${n.toLocaleString("en")} seeded users in schema ${schema}.`);
  }
  const d = await openDatabase({ url, naming, poolMax: 2, statementTimeoutMs: 600_000 });
  return {
    url, schema, naming, raw, d, users: n, embedded: Boolean(stop),
    async close() {
      await d.close();
      await raw.destroy();
      await stop?.();
    },
  };
}
