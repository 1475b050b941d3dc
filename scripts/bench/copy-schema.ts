/**
 * npx tsx scripts/bench/copy-schema.ts --from bench_1000000 --to <schema> [--organizations 150000]
 * A writable copy of a seeded benchmark schema, for the HTTP benchmarks (signing in writes a
 * session row, which a shared read-only schema must not get): the same rows (user, account,
 * session, verification), the same indexes (each of the source's CREATE INDEX, Better Auth's and
 * the doctor's), vacuumed and analysed. With --organizations, Better Auth's organization tables are
 * added by its own migration and seeded (lib/seed/organizations.ts; 150,000 organizations over 1M
 * users is ~1M memberships); run `npm run doctor -- --apply` on the copy afterwards for their
 * indexes. Reads the source only. Database: BENCH_DATABASE_URL, else DATABASE_URL.
 */
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, sql } from "kysely";
import { migrateAppSchema } from "../../lib/db/migrate";
import { createNaming } from "../../lib/db/naming";
import { createPool } from "../../lib/db/open";
import { seedOrganizations } from "../../lib/seed/organizations";

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, organizations: { type: "string" } }, strict: true });
const TABLES = ["user", "account", "session", "verification"];

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const { from, to } = values;
  if (!url || !from || !to) throw new Error("usage: --from <schema> --to <schema>, with BENCH_DATABASE_URL or DATABASE_URL");
  // The target is dropped first: never one of the shared seeded schemas, never the source.
  if (to === from || to.startsWith("bench_") || !/^[a-z][a-z0-9_]*$/.test(to)) throw new Error(`refusing to (re)create schema ${to}`);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPool(url, 2, 0) }) });
  try {
    const t0 = performance.now();
    await sql`drop schema if exists ${sql.id(to)} cascade`.execute(db);
    await sql`create schema ${sql.id(to)}`.execute(db);
    for (const t of TABLES) {
      await sql`create table ${sql.id(to, t)} (like ${sql.id(from, t)} including defaults including constraints)`.execute(db);
      await sql`insert into ${sql.id(to, t)} select * from ${sql.id(from, t)}`.execute(db);
      console.log(`  ${t} copied (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    // The source's indexes, as they are (primary keys, Better Auth's uniques, the doctor's).
    const { rows } = await sql<{ def: string }>`select indexdef as def from pg_indexes where schemaname = ${from} and tablename = any(${TABLES})`.execute(db);
    for (const { def } of rows) {
      const onTarget = def.replace(` ON ${quote(from)}.`, ` ON ${quote(to)}.`);
      if (onTarget === def) throw new Error(`cannot place index on ${to}: ${def}`);
      await sql.raw(onTarget).execute(db);
    }
    for (const t of TABLES) await sql`vacuum (analyze) ${sql.id(to, t)}`.execute(db);
    console.log(`${to}: ${TABLES.length} tables, ${rows.length} indexes copied from ${from} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    if (values.organizations) {
      const naming = createNaming({ schema: to, casing: "camel", usePlural: false, models: {} });
      await migrateAppSchema(db, naming, ["admin", "organization"]);
      const t1 = performance.now();
      const r = await seedOrganizations(db, naming, { seed: 1, organizations: Number(values.organizations) });
      for (const t of ["organization", "member", "invitation", "team", "teamMember"]) await sql`vacuum (analyze) ${sql.id(to, t)}`.execute(db);
      console.log(`  ${r.organizations} organizations, ${r.members} memberships, ${r.invitations} invitations in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    }
  } finally {
    await db.destroy();
  }
}

/** A schema name as pg_indexes prints it: bare when it needs no quotes. */
const quote = (s: string) => (/^[a-z_][a-z0-9_]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
