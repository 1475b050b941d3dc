import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyBatch } from "../lib/seed/copy";
import { REFERENCE_NOW, STAFF, staffBatch } from "../lib/seed/generate";
import { registryBits, UniqueRegistry } from "../lib/seed/identity";
import { seedDatabase } from "../lib/seed/insert";
import { createTestDb, type NamingName, type TestDb } from "./helpers/db";

// worker threads boot tsx and a seed runs end to end: slow on a loaded machine
const SLOW = 240_000;

/**
 * The benchmark's seeding path (worker threads writing with COPY, indexes dropped for the load and
 * built after) against the plain one (unnest inserts from one thread), on real Postgres.
 */

/** Every row of a table as JSON, password hashes left out (each run hashes a fresh random password). */
async function rowsOf(t: TestDb, model: "user" | "account" | "session"): Promise<unknown[]> {
  const table = sql.raw(t.naming.qualified(model));
  const id = sql.raw(`"${t.naming.column(model, "id")}"`);
  const { rows } = await sql<{ j: Record<string, unknown> }>`select to_jsonb(x) - ${t.naming.column("account", "password")} as j from ${table} x order by ${id}`.execute(t.raw);
  return rows.map((r) => r.j);
}

/** Indexes and constraints of the three tables, as Postgres prints them. */
async function definitions(t: TestDb): Promise<string[]> {
  const { rows } = await sql<{ d: string }>`
    select pg_get_indexdef(i.indexrelid) as d from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = ${t.schema}
    union all
    select conname || ' ' || pg_get_constraintdef(k.oid) from pg_constraint k join pg_namespace n on n.oid = k.connamespace where n.nspname = ${t.schema} and k.contype in ('p', 'u', 'f')
    order by 1`.execute(t.raw);
  return rows.map((r) => r.d);
}

// Real Postgres only: the worker threads each open their own connection for COPY, and the embedded
// engine serves one connection at a time (the threads would wait on each other for ever).
describe.skipIf(!process.env.TEST_DATABASE_URL).each(["default", "snake-plural-renamed"] as NamingName[])("seeding with COPY on worker threads (%s naming)", (variant) => {
  let plain: TestDb;
  let copied: TestDb;
  let several: TestDb;
  beforeAll(async () => {
    [plain, copied, several] = await Promise.all([createTestDb(variant), createTestDb(variant), createTestDb(variant)]);
  }, SLOW);
  afterAll(async () => {
    await Promise.all([plain?.cleanup(), copied?.cleanup(), several?.cleanup()]);
  });

  it("one worker with the bulk load writes exactly the rows of the plain inserts, and builds every index and constraint again", async () => {
    const before = await definitions(copied);
    const a = await seedDatabase(plain.raw, plain.naming, { users: 1500, seed: 5, now: REFERENCE_NOW, columns: plain.d.caps.columns });
    const built: string[] = [];
    const progress: number[] = [];
    const b = await seedDatabase(copied.raw, copied.naming, {
      users: 1500, seed: 5, now: REFERENCE_NOW, columns: copied.d.caps.columns, bulk: true, copy: { url: copied.url, workers: 1 }, batchSize: 400,
      onIndexBuilt: (d) => built.push(d.name), onProgress: (p) => progress.push(p.users),
    });
    expect({ ...b, ms: 0 }).toEqual({ ...a, ms: 0 });
    // the bulk load dropped and rebuilt the keys, the plugin's indexes and the foreign keys, all of them
    expect(await definitions(copied)).toEqual(before);
    // keys, unique keys, userId indexes and foreign keys (a plugin's table's one to users included)
    expect(built.length).toBeGreaterThanOrEqual(9);
    // staff first, then one report per batch of 400
    // (two batches in flight: the middle counts depend on which commits first)
    expect(progress).toHaveLength(5);
    expect(progress.at(-1)).toBe(1500 + STAFF.length);
    for (const model of ["user", "account", "session"] as const) {
      const [x, y] = await Promise.all([rowsOf(plain, model), rowsOf(copied, model)]);
      expect(y.length).toBeGreaterThan(1500);
      // staff rows carry the time of the run: compare the generated ones
      const generated = (rows: unknown[]) => rows.filter((r) => !STAFF.some((s) => JSON.stringify(r).includes(s.id)));
      expect(generated(y)).toEqual(generated(x));
    }
  }, SLOW);

  it("several workers keep emails and usernames unique across threads (the rebuilt unique keys would fail otherwise)", async () => {
    const before = await definitions(several);
    const r = await seedDatabase(several.raw, several.naming, {
      users: 3000, seed: 5, now: REFERENCE_NOW, columns: several.d.caps.columns, bulk: true, copy: { url: several.url, workers: 3 }, batchSize: 500,
    });
    expect(r.users).toBe(3000 + STAFF.length);
    expect(await definitions(several)).toEqual(before);
    const user = sql.raw(several.naming.qualified("user"));
    const email = sql.raw(`"${several.naming.column("user", "email")}"`);
    const { rows } = await sql<{ n: number; distinct: number }>`select count(*)::int as n, count(distinct lower(${email}))::int as distinct from ${user}`.execute(several.raw);
    expect(rows[0]).toEqual({ n: r.users, distinct: r.users });
    // the same plan and shape as one thread: about three sessions per user
    expect(r.sessions / r.users).toBeGreaterThan(2);
    expect(r.sessions / r.users).toBeLessThan(5);
  }, SLOW);
});

// Real Postgres only: the embedded engine's socket does not speak COPY FROM STDIN (it loses the
// protocol's sync); the demo and `npm run seed` use plain inserts there.
describe.skipIf(!process.env.TEST_DATABASE_URL)("copyBatch", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default");
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("round-trips the characters COPY's text format escapes, and NULLs", async () => {
    const batch = staffBatch(REFERENCE_NOW, "hash");
    const user = batch.users[0];
    if (!user) throw new Error("no staff user");
    user.name = "tab\there \\ back\\slash\nnew line\r\\N not null";
    user.banReason = null;
    user.image = "\\N";
    const pool = new pg.Pool({ connectionString: t.url, max: 1 });
    try {
      await copyBatch(pool, t.naming, t.d.caps.columns, batch);
    } finally {
      await pool.end();
    }
    const { rows } = await sql<{ name: string; banReason: string | null; image: string | null; createdAt: Date }>`
      select name, "banReason", image, "createdAt" from ${sql.raw(t.naming.qualified("user"))} where id = ${user.id}`.execute(t.raw);
    expect(rows[0]).toEqual({ name: user.name, banReason: null, image: "\\N", createdAt: user.createdAt });
  });
});

describe("UniqueRegistry", () => {
  it("answers the same whether its bitmap is private or shared between threads", () => {
    const own = new UniqueRegistry(15_000);
    const shared = new UniqueRegistry(UniqueRegistry.sharedBuffer(15_000));
    const values = Array.from({ length: 20_000 }, (_, i) => `user${i % 15_000}@example.com`);
    const a = values.map((v) => own.claim(v));
    const b = values.map((v) => shared.claim(v));
    expect(b).toEqual(a);
    expect(a.filter(Boolean).length).toBeGreaterThan(14_900);
    expect(a.slice(15_000).some(Boolean)).toBe(false);
  }, SLOW);

  it("sizes its bitmap from the planned user count: 128 KB for the demo, 128 MB at most", () => {
    expect(new UniqueRegistry(5_000).bytes).toBe(128 * 1024);
    expect(new UniqueRegistry(1_000_000).bytes).toBe(16 * 1024 * 1024);
    expect(UniqueRegistry.sharedBuffer(1_000_000).byteLength).toBe(16 * 1024 * 1024);
    expect(registryBits(10_000_000)).toBe(30);
    expect(registryBits(0)).toBe(20);
  });

  it("keeps collisions rare at the size it picks: distinct values are almost all free", () => {
    const users = 50_000;
    const reg = new UniqueRegistry(users);
    const values = Array.from({ length: 2 * users }, (_, i) => `person${i}@example.com`);
    const free = values.filter((v) => reg.claim(v)).length;
    // 64 bits per value: about 0.8% of the later claims hit a taken bit
    expect(free).toBeGreaterThan(values.length * 0.98);
    expect(free).toBeLessThan(values.length);
  });
});
