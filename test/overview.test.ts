import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedOverview } from "../lib/overview/cache";
import { readOverview, SIGNUP_DAYS } from "../lib/overview/figures";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures, NOW } from "./helpers/fixtures";

/** The staff overview's figures on the fixture world (real Postgres), counted by hand from helpers/fixtures.ts. */
describe("overview figures", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed");
    await insertFixtures(t.d);
  });
  afterAll(async () => t?.cleanup());

  it("counts sign-ups per UTC day over 90 days, every day present", async () => {
    const f = await readOverview(t.d, NOW);
    expect(f.signups).toHaveLength(SIGNUP_DAYS);
    expect(f.signups[0]?.day).toBe("2026-03-04");
    expect(f.signups.at(-1)?.day).toBe("2026-06-01");
    const byDay = Object.fromEntries(f.signups.filter((d) => d.count).map((d) => [d.day, d.count]));
    // pct, moe, sue, zoe on 4–7 March; 60 fillers on 1 April; 5 micro-timestamp users on 2 April.
    expect(byDay).toEqual({ "2026-03-04": 1, "2026-03-05": 1, "2026-03-06": 1, "2026-03-07": 1, "2026-04-01": 60, "2026-04-02": 5 });
  });

  it("counts active users from session activity, and bans in force", async () => {
    const f = await readOverview(t.d, NOW);
    // Sessions: zoe NOW-1d, alice NOW-2d and NOW-30d, moe NOW-40d.
    expect(f.active).toEqual({ d1: 1, d7: 2, d30: 2 });
    // carol (no end) and zoe (ends in December); dave's ban has expired.
    expect(f.banned).toBe(2);
    expect(f.recent).toBeNull(); // no audit table here
  });

  it("serves repeated reads from the per-instance cache for its TTL, then reads again", async () => {
    const a = cachedOverview(t.d, { recent: false });
    expect(cachedOverview(t.d, { recent: false })).toBe(a);
    const fresh = cachedOverview(t.d, { recent: false }, 0);
    expect(fresh).not.toBe(a);
    expect((await fresh).at.getTime()).toBeGreaterThanOrEqual((await a).at.getTime());
  });
});
