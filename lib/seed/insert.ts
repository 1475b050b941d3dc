import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { type Kysely, sql } from "kysely";
import { introspect } from "../db/introspect";
import { type Naming, quoteIdent } from "../db/naming";
import { DEMO_PASSWORD, generateDataset, SEED_ID_PREFIX, type SeedBatch, staffBatch } from "./generate";
import { dropForBulkLoad, restoreAfterBulkLoad, type SavedDefinition } from "./bulk";
import { seedInWorkers } from "./parallel";
import { pipeline } from "./pipeline";
import { type SeedModel, insertBatch, type PresentColumns } from "./unnest";

export interface SeedProgress {
  users: number;
  accounts: number;
  sessions: number;
  /** users to insert in total, staff included */
  total: number;
  ms: number;
  /** the seeding process's resident memory, bytes: stays flat (lib/seed/identity.ts) */
  rss: number;
}

export interface SeedOptions {
  /** generated users; the three staff accounts come on top */
  users: number;
  seed: number;
  now?: Date;
  /** delete earlier seeded rows first instead of refusing */
  reset?: boolean;
  /** logical columns that exist (`caps.columns`); introspected when omitted */
  columns?: PresentColumns;
  /** batches in flight on separate connections (the pool needs as many); 1 for PGlite */
  concurrency?: number;
  batchSize?: number;
  /** the spam benchmark's harder data (lib/seed/hard.ts) */
  hard?: boolean;
  /**
   * generate on `workers` threads, each writing its batches with COPY FROM STDIN on its own connections
   * to `url` (lib/seed/parallel.ts), instead of unnest inserts from this thread. One worker gives the
   * same rows as the sequential path; several give the same plan and shape, not the same bytes.
   */
  copy?: { url: string; workers: number };
  /**
   * drop the tables' indexes and constraints for the load and build them after (lib/seed/bulk.ts):
   * only for a schema the seeder owns, such as the benchmark's
   */
  bulk?: boolean;
  onProgress?: (p: SeedProgress) => void;
  /** each index or constraint rebuilt after a bulk load, with its build time */
  onIndexBuilt?: (d: SavedDefinition, ms: number) => void;
}

export interface SeedResult {
  users: number;
  accounts: number;
  sessions: number;
  ms: number;
}

export class SeedRefusedError extends Error {}

/**
 * Fills an app's Better Auth tables with the generated dataset (lib/seed/generate.ts), through the
 * configured names. Never touches data it did not create: it refuses a database holding users without
 * the seed marker, and replaces its own earlier rows only when asked to (`reset`).
 * `db` is a plain Kysely (no name-mapping plugin): statements are written with physical names.
 */
export async function seedDatabase(db: Kysely<any>, naming: Naming, opts: SeedOptions): Promise<SeedResult> {
  if (!Number.isInteger(opts.users) || opts.users < 0) throw new Error(`users must be a non-negative integer, not ${opts.users}`);
  const started = performance.now();
  const now = opts.now ?? new Date();
  await checkTarget(db, naming, opts.reset === true);
  const columns = opts.columns ?? (await introspect(db, naming)).columns;

  // scrypt is deliberately slow: two hashes per run, shared by all rows. Nobody knows the generated
  // users' password (random); staff use DEMO_PASSWORD.
  const [userHash, staffHash] = await Promise.all([hashPassword(randomBytes(24).toString("base64url")), hashPassword(DEMO_PASSWORD)]);

  const totals = { users: 0, accounts: 0, sessions: 0 };
  const staff = staffBatch(now, staffHash);
  const total = opts.users + staff.users.length;
  const count = (c: { users: number; accounts: number; sessions: number }) => {
    totals.users += c.users;
    totals.accounts += c.accounts;
    totals.sessions += c.sessions;
    opts.onProgress?.({ ...totals, total, ms: performance.now() - started, rss: process.memoryUsage.rss() });
  };
  const write = async (batch: SeedBatch) => {
    await db.transaction().execute(async (trx) => {
      // `timestamp without time zone` columns would otherwise take the server's zone; Better Auth writes UTC
      await sql`set local time zone 'UTC'`.execute(trx);
      await insertBatch(trx, naming, columns, batch);
    });
    count({ users: batch.users.length, accounts: batch.accounts.length, sessions: batch.sessions.length });
  };

  // A failed bulk load leaves the tables without indexes: its caller (the benchmark) drops the schema and seeds again.
  const dropped = opts.bulk ? await dropForBulkLoad(db, naming) : [];
  await write(staff);
  const dataset = { users: opts.users, seed: opts.seed, now, passwordHash: userHash, batchSize: opts.batchSize, hard: opts.hard };
  if (opts.copy) {
    const job = { ...dataset, now: now.getTime(), url: opts.copy.url, naming: naming.options, columns };
    await seedInWorkers(job, opts.copy.workers, staff.users.map((u) => u.email), count);
  } else {
    await pipeline(generateDataset(dataset), Math.max(1, opts.concurrency ?? 2), write);
  }
  await restoreAfterBulkLoad(db, dropped, opts.onIndexBuilt);

  for (const model of ["user", "account", "session"] as const satisfies readonly SeedModel[]) {
    await sql`analyze ${sql.raw(naming.qualified(model))}`.execute(db);
  }
  return { ...totals, ms: Math.round(performance.now() - started) };
}

/** Refuses foreign data; with `reset`, removes the rows an earlier run seeded. */
async function checkTarget(db: Kysely<any>, naming: Naming, reset: boolean): Promise<void> {
  const userTable = sql.raw(naming.qualified("user"));
  const id = sql.raw(quoteIdent(naming.column("user", "id")));
  const { rows: idType } = await sql<{ data_type: string }>`
    select data_type from information_schema.columns
    where table_schema = ${naming.options.schema} and table_name = ${naming.table("user")} and column_name = ${naming.column("user", "id")}`.execute(db);
  const type = idType[0]?.data_type;
  if (!type) throw new SeedRefusedError(`no table ${naming.qualified("user")} with column ${naming.column("user", "id")}: create the Better Auth schema first`);
  if (type !== "text" && type !== "character varying") {
    throw new SeedRefusedError(`the seeder writes text ids (Better Auth's default), but ${naming.qualified("user")}.${naming.column("user", "id")} is ${type}`);
  }

  const marker = `${SEED_ID_PREFIX}%`;
  const { rows } = await sql<{ foreign: boolean; seeded: boolean }>`
    select exists (select 1 from ${userTable} where ${id} not like ${marker}) as "foreign",
           exists (select 1 from ${userTable} where ${id} like ${marker}) as "seeded"`.execute(db);
  const state = rows[0];
  if (state?.foreign) throw new SeedRefusedError("database holds users the seeder did not create; refusing");
  if (!state?.seeded) return;
  if (!reset) throw new SeedRefusedError("database already holds seeded users; pass reset (--reset) to replace them");

  await db.transaction().execute(async (trx) => {
    const seededIds = sql`select ${id} from ${userTable} where ${id} like ${marker}`;
    // seeded organization rows (lib/seed/organizations.ts) reference seeded users: they go first
    for (const model of ["teamMember", "team", "invitation", "member", "organization"] as const) {
      const { rows: found } = await sql<{ t: string | null }>`select to_regclass(${naming.qualified(model)}) as t`.execute(trx);
      if (!found[0]?.t) continue;
      await sql`delete from ${sql.raw(naming.qualified(model))} where ${sql.raw(quoteIdent(naming.column(model, "id")))} like ${marker}`.execute(trx);
    }
    for (const model of ["session", "account"] as const) {
      const userId = sql.raw(quoteIdent(naming.column(model, "userId")));
      await sql`delete from ${sql.raw(naming.qualified(model))} where ${userId} in (${seededIds})`.execute(trx);
    }
    await sql`delete from ${userTable} where ${id} like ${marker}`.execute(trx);
  });
}

