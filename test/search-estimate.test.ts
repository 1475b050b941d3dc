import { sql } from "kysely";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchEstimate } from "../components/users/search-estimate";
import { estimateUnindexedSearch, formatEstimate } from "../lib/doctor/scan-estimate";
import { REFERENCE_NOW } from "../lib/seed/generate";
import { seedDatabase } from "../lib/seed/insert";
import { ESTIMATE_TTL_MS, searchScans, unindexedSearchMs } from "../lib/users/search-estimate";
import { createTestDb, type TestDb } from "./helpers/db";

describe("when a search reads every user row", () => {
  const none = { searchIndexed: false, emailByteOrder: true };
  it("is any term without the trigram indexes, except a prefix the email index answers", () => {
    expect(searchScans(none, "son")).toBe(true);
    expect(searchScans(none, "ann*")).toBe(false);
    // a linguistic collation: the prefix is the same condition as a scan
    expect(searchScans({ ...none, emailByteOrder: false }, "ann*")).toBe(true);
    // a non-ASCII first letter: no ranges to spell out
    expect(searchScans(none, "éa*")).toBe(true);
    expect(searchScans({ ...none, searchIndexed: true }, "son")).toBe(false);
    expect(searchScans(none, undefined)).toBe(false);
    expect(searchScans(none, "")).toBe(false);
  });

  it("says how long in two significant figures", () => {
    expect(formatEstimate(1_437)).toBe("≈ 1.4 s");
    expect(formatEstimate(12_345)).toBe("≈ 12 s");
    expect(formatEstimate(998)).toBe("≈ 1 s");
    expect(formatEstimate(352.4)).toBe("≈ 350 ms");
    expect(formatEstimate(4.26)).toBe("≈ 4.3 ms");
    expect(formatEstimate(0.2)).toBe("≈ 1 ms");
  });
});

describe("the users page's search estimate, on a real database", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed");
    await seedDatabase(t.raw, t.naming, { users: 400, seed: 5, now: REFERENCE_NOW, columns: t.d.caps.columns });
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it("reads all of a small table and counts it, before and after a fresh ANALYZE", async () => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.raw(t.naming.qualified("user"))}`.execute(t.raw);
    // the seeded users, and the staff on top
    expect(Number(rows[0]?.n)).toBeGreaterThan(400);
    for (const analyzed of [false, true]) {
      if (analyzed) await sql`analyze ${sql.raw(t.naming.qualified("user"))}`.execute(t.raw);
      const e = await estimateUnindexedSearch(t.d.db, t.d.naming);
      expect(e.percent).toBe(100);
      expect(e.sampled).toBe(Number(rows[0]?.n));
      expect(e.rows).toBe(Number(rows[0]?.n));
      expect(e.searchMs).toBeGreaterThan(0);
    }
  });

  it("measures once per connection and interval, then shares the figure", async () => {
    const now = Date.now();
    const first = unindexedSearchMs(t.d, now);
    expect(unindexedSearchMs(t.d, now + 1_000)).toBe(first);
    const ms = await first;
    expect(ms).toBeGreaterThan(0);
    const later = unindexedSearchMs(t.d, now + ESTIMATE_TTL_MS + 1);
    expect(later).not.toBe(first);
    expect(await later).toBeGreaterThan(0);
  });

  it("is shown beside the search: the time for everyone, the doctor for admins", async () => {
    const ms = (await unindexedSearchMs(t.d)) as number;
    const admin = renderToStaticMarkup(await SearchEstimate({ q: t.d, admin: true }));
    expect(admin).toContain(`${formatEstimate(ms)} per search without the trigram index on email and name: <code>npm run doctor</code> shows the index`);
    const support = renderToStaticMarkup(await SearchEstimate({ q: t.d, admin: false }));
    expect(support).toContain(`${formatEstimate(ms)} per search without the trigram index on email and name.`);
    expect(support).not.toContain("doctor");
  });
});
