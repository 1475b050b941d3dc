import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspect } from "../lib/doctor/inspect";
import { parseUserListParams } from "../lib/users/list-params";
import { listUsers, SEARCH_TUNING, type SearchPlanOptions, type SearchTuning } from "../lib/users/queries";
import { buildSample, forgetSearchSample, readSearchSample, SAMPLE_TTL_MS, type SearchSample, searchSample } from "../lib/users/search-sample";
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
  async function pages(q: TestDb["d"], query: Record<string, string>, limit: number, maxPages: number, tuning?: SearchTuning, opts?: SearchPlanOptions) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < maxPages; i++) {
      const page = await listUsers(q, parseUserListParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) }), NOW, tuning, opts);
      if (page.searchStep) steps.add(page.searchStep);
      ids.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return ids;
  }

  /** A sample that lies: every sampled row "matches" every term, so every term looks dense everywhere. */
  const lyingSample = async (): Promise<SearchSample> => {
    const real = await readSearchSample(t.d);
    const lie = [...TERMS, ...Object.keys(PLANTED)].join(" ").toLowerCase();
    return buildSample({ ...real, texts: real.ids.map(() => lie), tableRows: 1_000_000 });
  };

  const plans: Record<string, { tuning: SearchTuning; opts?: () => Promise<SearchPlanOptions> }> = {
    measured: { tuning: SEARCH_TUNING },
    // each step forced at this size: a free walk; no walk at all; a long probe on no evidence
    "free walk": { tuning: { ...SEARCH_TUNING, walkRowMs: 0, maxWalkRows: 1_000_000 } },
    "trigram only": { tuning: { ...SEARCH_TUNING, probeRows: 0, maxWalkRows: 0 } },
    "no sample, long probe": { tuning: { ...SEARCH_TUNING, probeRows: 2_000 }, opts: async () => ({ sample: null }) },
    // a wrong estimate: short walks that fall short, then the trigram step
    "lying sample": { tuning: SEARCH_TUNING, opts: async () => ({ sample: await lyingSample() }) },
  };

  it.each(Object.keys(plans))("every term, sort and cursor page (%s)", async (name) => {
    const plain = { ...t.d, caps: { ...t.d.caps, searchIndexed: false } };
    const { tuning, opts } = plans[name] as (typeof plans)[string];
    const o = await opts?.();
    for (const qTerm of TERMS) {
      for (const sort of SORTS) {
        const query = { q: qTerm, sort };
        expect(await pages(t.d, query, 25, 5, tuning, o), `${qTerm} ${sort}`).toEqual(await pages(plain, query, 25, 5));
      }
      // with filters: the banned (every 5th user) and a created-date window
      const filtered = { q: qTerm, sort: "createdAt", status: "banned", createdAfter: "2026-05-30T00:00:00Z" };
      expect(await pages(t.d, filtered, 10, 5, tuning, o), `${qTerm} filtered`).toEqual(await pages(plain, filtered, 10, 5));
    }
  }, 600_000);

  it("reached every step", () => {
    expect([...steps].sort()).toEqual(["scan", "trigram", "walk", "walk+trigram"]);
  });

  it("the sample ranks rows in the list's own orders (the column's collation, ties by id)", async () => {
    const s = await readSearchSample(t.d);
    // a table this small is sampled whole
    expect(s.size).toBe(USERS);
    expect(s.tableRows).toBe(USERS);
    for (const [order, sort] of [["createdAt", "createdAt"], ["name", "name"], ["email", "email"], ["name", "-name"]] as const) {
      const first = (await listUsers(t.d, parseUserListParams({ sort, limit: "40" }), NOW)).rows.map((r) => r.id);
      const idx = s.orders[order];
      const ranked = Array.from({ length: 40 }, (_, r) => s.ids[idx[sort.startsWith("-") ? idx.length - 1 - r : r] as number]);
      expect(ranked, sort).toEqual(first);
    }
  });

  it("reads the sample once per connection, serves it while a refresh runs after 10 minutes", async () => {
    forgetSearchSample(t.d);
    const t0 = Date.now();
    const first = searchSample(t.d, t0);
    expect(searchSample(t.d, t0 + 1_000)).toBe(first);
    const old = await first;
    expect(old?.size).toBe(USERS);
    // past the TTL: the old sample at once, a new one read in the background
    expect(searchSample(t.d, t0 + SAMPLE_TTL_MS)).toBe(first);
    await expect.poll(async () => (await searchSample(t.d, Date.now())) !== old).toBe(true);
    expect((await searchSample(t.d, Date.now()))?.size).toBe(USERS);
  });

  it("plans a wave by where it falls in the order: walked newest first, fetched oldest first", async () => {
    // the sample as read (a walk's cap is a sampled row: it must be the table's own)
    const opts = { sample: await readSearchSample(t.d) };
    const newest = await listUsers(t.d, parseUserListParams({ q: "isenhart", sort: "-createdAt", limit: "25" }), NOW, SEARCH_TUNING, opts);
    const oldest = await listUsers(t.d, parseUserListParams({ q: "gunderlach", sort: "createdAt", limit: "25" }), NOW, SEARCH_TUNING, opts);
    expect(newest.searchStep).toBe("walk");
    expect(oldest.searchStep).toBe("trigram");
  });
});
