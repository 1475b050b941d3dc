/**
 * The spam benchmark's labelled datasets: one schema per (size, seed), seeded once with lib/seed and
 * reused by later runs. Labels are never stored in the database: the generator is deterministic, so
 * they are regenerated from the same (users, seed, now) and matched by user id.
 */
import { type Kysely, sql } from "kysely";
import { introspect } from "../../lib/db/introspect";
import { migrateAppSchema } from "../../lib/db/migrate";
import { createIndexSql, indexName, recommendedIndexes } from "../../lib/doctor/indexes";
import { createNaming, type Naming } from "../../lib/db/naming";
import { generateDataset, REFERENCE_NOW, STAFF } from "../../lib/seed/generate";
import { seedDatabase } from "../../lib/seed/insert";
import type { Label } from "./spam-quality";

/** Every dataset is placed relative to this instant, so a reused schema matches its regenerated labels. */
export const BENCH_NOW = REFERENCE_NOW;

/**
 * `hard`: with the look-alikes and campaigns of lib/seed/hard.ts (a schema of its own); `prefix`
 * (default `spam`) lets a run keep its datasets apart from the shared ones (`--prefix h12`).
 */
export const benchSchema = (users: number, seed: number, hard = false, prefix = "spam") => `${prefix}_${users}_s${seed}${hard ? "_hard" : ""}`;

export function benchNaming(users: number, seed: number, hard = false, prefix = "spam"): Naming {
  return createNaming({ schema: benchSchema(users, seed, hard, prefix), casing: "camel", usePlural: false, models: {} });
}

/** Seeds `spam_<users>_s<seed>` unless a complete earlier run is there. Returns whether it seeded. */
export async function ensureSeeded(raw: Kysely<any>, users: number, seed: number, concurrency: number, log: (s: string) => void, hard = false, prefix = "spam"): Promise<boolean> {
  const schema = benchSchema(users, seed, hard, prefix);
  const naming = benchNaming(users, seed, hard, prefix);
  const count = await sql<{ n: string }>`select count(*) as n from ${sql.id(schema, "user")}`
    .execute(raw)
    .then((r) => Number(r.rows[0]?.n), () => -1);
  if (count === users + STAFF.length) {
    await applyDoctorIndexes(raw, naming, log);
    return false;
  }
  log(`Seeding ${users.toLocaleString("en")} users (seed ${seed}) into schema ${schema}…`);
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(raw);
  await sql`create schema ${sql.id(schema)}`.execute(raw);
  await migrateAppSchema(raw, naming, ["admin"]);
  const r = await seedDatabase(raw, naming, {
    users, seed, now: BENCH_NOW, concurrency, hard,
    onProgress: (p) => process.stdout.write(`\r  ${p.users.toLocaleString("en")} / ${p.total.toLocaleString("en")} users`),
  });
  process.stdout.write("\n");
  log(`  ${r.users} users, ${r.accounts} accounts, ${r.sessions} sessions in ${(r.ms / 1000).toFixed(1)} s`);
  await applyDoctorIndexes(raw, naming, log);
  return true;
}

/**
 * The doctor's indexes, as on an app that ran `npm run doctor -- --apply`, except the trigram ones
 * (the search box's; scoring does not use them, and they take minutes to build at 1M users). The
 * engine reads each time slice's sign-ups through user_created, a window's steadiness baseline
 * through session_created, an address probe through session_ip and an OAuth check through
 * account_oauth. Datasets seeded before 2026-12-04 had user_created only: they get the rest here.
 */
async function applyDoctorIndexes(raw: Kysely<any>, naming: Naming, log: (s: string) => void): Promise<void> {
  const specs = recommendedIndexes(naming, await introspect(raw, naming)).filter((x) => !x.needsTrgm);
  const have = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = ${naming.options.schema}`.execute(raw);
  const missing = specs.filter((x) => !have.rows.some((r) => r.name === indexName(x)));
  for (const spec of missing) {
    const t = performance.now();
    await sql.raw(createIndexSql(naming, spec)).execute(raw);
    log(`  doctor's index ${spec.id}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (missing.length) for (const model of new Set(missing.map((x) => x.model))) await sql`analyze ${sql.id(naming.options.schema, naming.table(model))}`.execute(raw);
  await vacuumOnce(raw, naming, log);
}

/**
 * VACUUM (ANALYZE) of the seeded tables, once: what autovacuum does on a live app after a bulk of
 * inserts (hint bits set, the visibility map that index-only scans rely on). CI machines run
 * PostgreSQL with autovacuum off, so without this the first passes on a new dataset paid for
 * setting hint bits (writing pages while reading): the 30-day steadiness read took 1.6 s instead of
 * ~0.3 s on spam_1000000_s2_hard.
 */
async function vacuumOnce(raw: Kysely<unknown>, naming: Naming, log: (s: string) => void): Promise<void> {
  const schema = naming.options.schema;
  for (const model of ["user", "session", "account"] as const) {
    const table = naming.table(model);
    const seen = await sql<{ at: Date | null }>`select coalesce(last_vacuum, last_autovacuum) as at from pg_stat_user_tables where schemaname = ${schema} and relname = ${table}`.execute(raw);
    if (seen.rows[0]?.at) continue;
    const t = performance.now();
    await sql`vacuum (analyze) ${sql.id(schema, table)}`.execute(raw);
    log(`  vacuum (analyze) ${table}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

/** id → label ("legit", "spam:<campaign>", "lookalike:<kind>") and sign-up time of a generated dataset. */
export function labelsOf(users: number, seed: number, hard = false): Map<string, Label> {
  const labels = new Map<string, Label>();
  for (const batch of generateDataset({ users, seed, now: BENCH_NOW, passwordHash: "labels-only", hard })) {
    for (const u of batch.users) labels.set(u.id, { label: u.label, createdAt: u.createdAt.getTime() });
  }
  return labels;
}
