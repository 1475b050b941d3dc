import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspect } from "../lib/doctor/inspect";
import { listUsers, SEARCH_TUNING } from "../lib/users/queries";
import { parseUserListParams } from "../lib/users/list-params";
import { seedDatabase } from "../lib/seed/insert";
import { createTestDb, type NamingName, type TestDb } from "./helpers/db";

/**
 * The index doctor on a real engine: it EXPLAINs the dashboard's own queries, names the index each
 * one lacks, and its statements (applied the way --apply does) leave nothing missing.
 */
describe.each(["default", "snake-plural-renamed"] as NamingName[])("npm run doctor (%s naming)", (variant) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(variant, ["admin", "username"]);
    await seedDatabase(t.raw, t.naming, { users: 400, seed: 3, concurrency: 1 });
  });
  afterAll(async () => t?.cleanup());

  it("finds the sequential scans and names the missing indexes", async () => {
    // smallTable 0: treat the small test tables as large so every scan counts.
    const r = await inspect(t.d, { smallTable: 0 });
    expect(r.server.versionNum).toBeGreaterThanOrEqual(150000);
    const av = await sql<{ autovacuum: string }>`show autovacuum`.execute(t.d.authDb);
    expect(r.server.autovacuum).toBe(av.rows[0]?.autovacuum === "on");
    expect(r.indexes.filter((i) => !i.present).map((i) => i.spec.id).sort()).toEqual(
      ["account_oauth", "session_created", "session_ip", "session_updated", "session_user_updated", "user_ban_expires", "user_banned", "user_created", "user_email_trgm", "user_name_sort", "user_name_trgm", "user_username_trgm"].sort(),
    );
    const search = r.probes.find((p) => p.name === "users search (substring)");
    expect(search?.seqScans).toEqual([t.naming.table("user")]);
    expect(search?.missing).toEqual(["user_email_trgm", "user_name_trgm", "user_username_trgm"]);
    expect(r.statements.every((s) => /^(CREATE EXTENSION IF NOT EXISTS pg_trgm|CREATE INDEX CONCURRENTLY IF NOT EXISTS|ANALYZE)/.test(s))).toBe(true);
    expect(r.statements.filter((s) => s.startsWith("CREATE INDEX"))).toHaveLength(12);
  });

  it("applies its statements and then finds nothing missing; searches give the same pages", async () => {
    const terms = ["son", "gmail", "zzzq", "a.b", "ANN", "@", "com", "ana"];
    const steps = new Set<string>();
    const pages = async (tuning = SEARCH_TUNING) => {
      const out: string[][] = [];
      for (const q of terms) {
        for (const sort of ["-createdAt", "name", "email", "-lastActiveAt"]) {
          let cursor: string | undefined;
          const ids: string[] = [];
          for (let i = 0; i < 50; i++) {
            const page = await listUsers(t.d, parseUserListParams({ q, sort, limit: "20", ...(cursor ? { cursor } : {}) }), undefined, tuning);
            if (page.searchStep) steps.add(page.searchStep);
            ids.push(...page.rows.map((r) => r.id));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          out.push(ids);
        }
      }
      return out;
    };
    // The reference: no indexes, and last activity by aggregating every session (a walk of 0).
    const withoutIndexes = await pages({ ...SEARCH_TUNING, activityWalk: 0 });
    const before = await inspect(t.d, { smallTable: 0 });
    for (const s of before.statements) await sql.raw(s).execute(t.d.authDb);
    await t.reopen();
    expect(t.d.caps.searchIndexed).toBe(true);
    expect(await pages()).toEqual(withoutIndexes);
    // The indexed search's steps, each forced at this size by the tuning, give the pages the
    // unindexed scan gave: no walk at all (the trigram step; "@" has no trigram: the scan), a free
    // walk, then a long probe walk on no sampled hit.
    steps.clear();
    // (activityWalk 3: the session walk stops short, so the last-activity pages aggregate.)
    expect(await pages({ ...SEARCH_TUNING, probeRows: 0, maxWalkRows: 0, activityWalk: 3 })).toEqual(withoutIndexes);
    expect([...steps].sort()).toEqual(["scan", "trigram"]);
    steps.clear();
    expect(await pages({ ...SEARCH_TUNING, walkRowMs: 0, maxWalkRows: 1_000_000 })).toEqual(withoutIndexes);
    expect(steps.has("walk")).toBe(true);
    steps.clear();
    // (A session walk that sees every session: pages by last activity, then users without one.)
    expect(await pages({ ...SEARCH_TUNING, probeRows: 40, activityWalk: 1_000_000 })).toEqual(withoutIndexes);
    expect(steps.has("walk")).toBe(true);
    const after = await inspect(t.d, { smallTable: 0 });
    expect(after.indexes.every((i) => i.present)).toBe(true);
    expect(after.probes.every((p) => p.missing.length === 0)).toBe(true);
    expect(after.statements.filter((s) => s.startsWith("CREATE"))).toEqual([]);
    // (Four passes of 8 terms × 4 sorts, paged to the end: more than the default 30 s on a loaded machine.)
  }, 180_000);

  it("turns off GIN's pending list on a trigram index the app created with it", async () => {
    const table = t.naming.qualified("user");
    const name = sql.id(t.naming.column("user", "name"));
    await sql`drop index ${sql.id(t.schema, "ba_admin_user_name_trgm")}`.execute(t.d.authDb);
    await sql`create index app_name_search on ${sql.raw(table)} using gin (lower(${name}) gin_trgm_ops)`.execute(t.d.authDb);
    const r = await inspect(t.d, { smallTable: 0 });
    const found = r.indexes.find((i) => i.spec.id === "user_name_trgm");
    expect(found).toMatchObject({ present: "app_name_search", pendingList: true });
    // (Stale-estimate ANALYZE findings depend on what the earlier tests changed: not this test's subject.)
    const fixes = r.statements.filter((s) => !s.startsWith("ANALYZE"));
    expect(fixes).toEqual([
      `ALTER INDEX "${t.schema}"."app_name_search" SET (fastupdate = off)`,
      `SELECT gin_clean_pending_list('"${t.schema}"."app_name_search"'::regclass)`,
    ]);
    for (const s of fixes) await sql.raw(s).execute(t.d.authDb);
    const after = await inspect(t.d, { smallTable: 0 });
    expect(after.indexes.find((i) => i.spec.id === "user_name_trgm")).toMatchObject({ present: "app_name_search", pendingList: false });
    expect(after.statements.filter((s) => !s.startsWith("ANALYZE"))).toEqual([]);
  });

  it("recognises an equivalent index the app already had under its own name", async () => {
    const table = t.naming.qualified("user");
    const created = sql.id(t.naming.column("user", "createdAt"));
    await sql`drop index ${sql.id(t.schema, "ba_admin_user_created")}`.execute(t.d.authDb);
    await sql`create index app_users_by_signup on ${sql.raw(table)} (${created} desc, id desc)`.execute(t.d.authDb);
    const r = await inspect(t.d, { smallTable: 0 });
    expect(r.indexes.find((i) => i.spec.id === "user_created")?.present).toBe("app_users_by_signup");
  });
});
