import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspect } from "../lib/doctor/inspect";
import { parseUserListParams } from "../lib/users/list-params";
import { listUsers, SEARCH_TUNING, type SearchTuning } from "../lib/users/queries";
import { chooseSearchStep } from "../lib/users/search-plan";
import { createTestDb, type TestDb } from "./helpers/db";

/**
 * The search planner (indexedSearch + search-plan.ts) on a real Postgres with the doctor's indexes:
 * whichever step it takes, a page is the one the plain query (no planner: the unindexed path)
 * returns, for terms across the frequency band, spread over time and clustered in a recent wave,
 * in every column sort, with cursors, filters and terms under 3 characters.
 */
const USERS = 3_000;
const NOW = new Date("2026-06-01T00:00:00Z");
/** token → [matches, where in time, field]: spread = every (USERS/n)th user; wave = the newest n. */
const PLANTED = {
  brantley: [1, "spread", "email"],
  corwinek: [6, "spread", "name"],
  dellacroix: [40, "spread", "email"],
  evanova: [200, "spread", "name"],
  fairbrook: [700, "spread", "email"],
  gunderlach: [40, "wave", "name"],
  hollowell: [200, "wave", "email"],
  isenhart: [900, "wave", "name"],
  qz: [60, "spread", "name"],
} as const satisfies Record<string, readonly [number, "spread" | "wave", "email" | "name"]>;
const TERMS = [...Object.keys(PLANTED), "zzzq", "an", "ell", "HOLLOW", "o"];
const SORTS = ["-createdAt", "createdAt", "name", "-name", "email", "-email"];
const FIRST = ["Anna", "Bruno", "Chen", "Dana", "Emil", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kemal", "Lena"];
const LAST = ["Meyer", "Okafor", "Rossi", "Silva", "Tanaka", "Weber", "Novak", "Larsen", "Moreau", "Costa"];

describe("search planner: same pages as the plain query", () => {
  let t: TestDb;
  const steps = new Set<string>();
  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    const rows = Array.from({ length: USERS }, (_, i) => {
      const first = FIRST[i % FIRST.length] as string;
      let last = LAST[(i * 7) % LAST.length] as string;
      let local = `${first}.${last}${i}`.toLowerCase();
      for (const [token, [n, where, field]] of Object.entries(PLANTED)) {
        // i counts from the oldest (0) to the newest (USERS - 1).
        const hit = where === "wave" ? i >= USERS - n : i % Math.floor(USERS / n) === 0 && i / Math.floor(USERS / n) < n;
        if (!hit) continue;
        if (field === "name") last = `${token.slice(0, 1).toUpperCase()}${token.slice(1)}-${last}`;
        else local = `${token}.${local}`;
      }
      return {
        id: `u${String(i).padStart(5, "0")}`,
        name: `${first} ${last}`,
        email: `${local}@mail.test`,
        emailVerified: true,
        // Three users share each minute, so the id tie-break matters.
        createdAt: new Date(NOW.getTime() - Math.ceil((USERS - i) / 3) * 60_000),
        updatedAt: NOW,
        role: "user",
        banned: i % 5 === 0,
      };
    });
    for (let i = 0; i < rows.length; i += 500) await t.raw.withSchema(t.schema).insertInto("user").values(rows.slice(i, i + 500)).execute();
    const r = await inspect(t.d, { smallTable: 0 });
    for (const s of r.statements) await sql.raw(s).execute(t.d.authDb);
    await sql`analyze ${sql.id(t.schema, "user")}`.execute(t.raw);
    await t.reopen();
    expect(t.d.caps.searchIndexed).toBe(true);
  });
  afterAll(async () => t?.cleanup());

  it("planted the frequencies it says", async () => {
    for (const [token, [n]] of Object.entries(PLANTED)) {
      const all = await pages(t.d, { q: token, sort: "-createdAt" }, 100, 1_000);
      expect(all, token).toHaveLength(n);
    }
  });

  /** Every page (up to maxPages) of a search, following the cursor; steps taken are recorded. */
  async function pages(q: TestDb["d"], query: Record<string, string>, limit: number, maxPages: number, tuning?: SearchTuning) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < maxPages; i++) {
      const page = await listUsers(q, parseUserListParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) }), NOW, tuning);
      if (page.searchStep) steps.add(page.searchStep);
      ids.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return ids;
  }

  const tunings: Record<string, SearchTuning> = {
    measured: SEARCH_TUNING,
    // each step forced at this size: a free sized walk; no walk at all; a first walk that fills pages
    "sized walk": { ...SEARCH_TUNING, walkRows: 30, walkRowMs: 0, maxWalkRows: 1_000_000 },
    "trigram only": { ...SEARCH_TUNING, walkRows: 1, maxWalkRows: 0 },
    "long first walk": { ...SEARCH_TUNING, walkRows: 2_000 },
  };

  it.each(Object.keys(tunings))("every term, sort and cursor page (%s tuning)", async (name) => {
    const plain = { ...t.d, caps: { ...t.d.caps, searchIndexed: false } };
    for (const qTerm of TERMS) {
      for (const sort of SORTS) {
        const query = { q: qTerm, sort };
        expect(await pages(t.d, query, 25, 5, tunings[name]), `${qTerm} ${sort}`).toEqual(await pages(plain, query, 25, 5));
      }
      // with filters: the banned (every 5th user) and a created-date window
      const filtered = { q: qTerm, sort: "createdAt", status: "banned", createdAfter: "2026-05-30T00:00:00Z" };
      expect(await pages(t.d, filtered, 10, 5, tunings[name]), `${qTerm} filtered`).toEqual(await pages(plain, filtered, 10, 5));
    }
  }, 600_000);

  it("reached every step", () => {
    expect([...steps].sort()).toEqual(["scan", "sized-walk", "trigram", "walk"]);
  });
});

describe("chooseSearchStep (the cost model)", () => {
  const t = { ...SEARCH_TUNING, walkRowMs: 0.001, matchMs: 0.002, trigramMs: 1, walkRows: 1_000, walkSafety: 2, maxWalkRows: 60_000 };
  const at = (found: number, tableRows: number, trigram = true) => chooseSearchStep({ found, walked: 1_000, want: 26, tableRows, trigram }, t);

  it("walks a common spread term, fetches a rare one, and the crossover moves with the table size", () => {
    expect(at(20, 1_000_000)).toMatchObject({ step: "walk", rows: 2_600 });
    expect(at(1, 1_000_000).step).toBe("trigram");
    // 0.5% density: 10,400 rows to walk (10 ms) vs 5,000 matches to fetch (11 ms) at 1M; at 100k, 500 (2 ms)
    expect(at(5, 1_000_000).step).toBe("walk");
    expect(at(5, 100_000).step).toBe("trigram");
  });

  it("never walks on no evidence, nor past maxWalkRows", () => {
    expect(at(0, 10_000_000).step).toBe("trigram");
    expect(at(1, 1e9).step).toBe("walk");
    expect(chooseSearchStep({ found: 1, walked: 1_000, want: 26, tableRows: 1e9, trigram: true }, { ...t, maxWalkRows: 10_000 }).step).toBe("trigram");
  });

  it("terms without trigrams walk while the walk stays capped, else scan", () => {
    expect(at(10, 1_000_000, false)).toMatchObject({ step: "walk", rows: 5_200 });
    expect(at(0, 1_000_000, false)).toEqual({ step: "scan" });
    expect(at(1, 1_000_000, false)).toMatchObject({ step: "walk", rows: 52_000 });
    expect(chooseSearchStep({ found: 1, walked: 1_000, want: 26, tableRows: 1e6, trigram: false }, { ...t, maxWalkRows: 10_000 })).toEqual({ step: "scan" });
  });
});
