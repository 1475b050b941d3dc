import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUsers } from "../lib/users/count";
import { getUserDetail } from "../lib/users/detail";
import { listUsers } from "../lib/users/queries";
import { parseUserListParams, type UserListParams } from "../lib/users/list-params";
import { createTestDb, type NamingName, namings, type TestDb } from "./helpers/db";
import { fixtureUserCount, insertFixtures, NOW, people } from "./helpers/fixtures";

const params = (query: Record<string, string> = {}): UserListParams => parseUserListParams(query);

describe.each(Object.keys(namings) as NamingName[])("users queries with %s naming", (variant) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(variant);
    await insertFixtures(t.d);
  });
  afterAll(async () => t?.cleanup());

  const ids = async (query: Record<string, string>) => (await listUsers(t.d, params({ limit: "100", ...query }), NOW)).rows.map((r) => r.id);

  /** Walks every page with the cursor and returns the ids in order. */
  async function walk(query: Record<string, string>, limit = 7) {
    const out: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await listUsers(t.d, params({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) }), NOW);
      out.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  it("searches email and name case-insensitively, and ids exactly", async () => {
    expect(await ids({ q: "ALICE" })).toEqual(["u_alice"]);
    expect(await ids({ q: "builder" })).toEqual(["u_bob"]);
    expect(await ids({ q: "gmail.com" })).toEqual(["u_bob"]);
    expect(await ids({ q: "u_carol" })).toEqual(["u_carol"]);
    expect(await ids({ q: "Zoë" })).toEqual(["u_zoe"]);
  });

  it("treats %, _ and \\ in search terms literally", async () => {
    expect(await ids({ q: "100%" })).toEqual(["u_pct"]);
    expect(await ids({ q: "l_N" })).toEqual(["u_pct"]);
    expect(await ids({ q: "\\o/" })).toEqual(["u_pct"]);
    expect(await ids({ q: "%" })).toEqual(["u_pct"]);
    expect(await ids({ q: "_" })).toEqual(["u_pct"]);
  });

  it("filters by one role inside Better Auth's comma-separated roles", async () => {
    expect(await ids({ role: "admin" })).toEqual(["u_alice"]);
    expect((await ids({ role: "user" })).sort()).toEqual(["u_alice", "u_bob"]);
  });

  it("uses the effective ban status: NULL is not banned, an expired ban is not banned", async () => {
    expect((await ids({ status: "banned" })).sort()).toEqual(["u_carol", "u_zoe"]);
    expect(await ids({ status: "expired" })).toEqual(["u_dave"]);
    const active = await ids({ status: "active" });
    expect(active).toContain("u_erin");
    expect(active).toContain("u_dave");
    expect(active).not.toContain("u_carol");
    expect(active).not.toContain("u_zoe");
    const all = await listUsers(t.d, params({ q: "u_erin" }), NOW);
    expect(all.rows[0]?.banned).toBeNull();
  });

  it("filters by verification, sign-in method and creation range", async () => {
    expect(await ids({ verified: "false", q: "example.com" })).toEqual(["u_pct"]);
    expect(await ids({ provider: "google" })).toEqual(["u_bob"]);
    expect((await ids({ provider: "credential" })).sort()).toEqual(["u_alice", "u_carol", "u_moe", "u_sue", "u_zoe"]);
    expect(await ids({ createdAfter: "2026-03-02", createdBefore: "2026-03-03" })).toEqual(["u_dave"]);
  });

  it("accepts a sign-in method as the table shows it, in any case", async () => {
    expect(await ids({ provider: "GitHub" })).toEqual(["u_zoe"]);
    expect(await ids({ provider: "GITHUB" })).toEqual(["u_zoe"]);
    expect(await ids({ provider: "Google" })).toEqual(["u_bob"]);
    expect((await ids({ provider: "Email + password" })).sort()).toEqual(["u_alice", "u_carol", "u_moe", "u_sue", "u_zoe"]);
    expect(await ids({ provider: "gitlab" })).toEqual([]);
  });

  it("finds dormant accounts: inactive since a date (never active included), never active, least recently active first", async () => {
    // Sessions: alice NOW-2d (and NOW-30d), zoe NOW-1d, moe NOW-40d; everyone else has none.
    const everyone = await walk({}, 100);
    const active = ["u_alice", "u_moe", "u_zoe"];
    const never = everyone.filter((id) => !active.includes(id));
    const tenDaysAgo = new Date(NOW.getTime() - 10 * 86_400_000).toISOString();
    expect((await walk({ lastActiveBefore: tenDaysAgo }, 100)).sort()).toEqual([...never, "u_moe"].sort());
    expect((await walk({ lastActiveBefore: "2026-04-01" }, 100)).sort()).toEqual([...never].sort());
    expect((await walk({ neverActive: "true" }, 100)).sort()).toEqual([...never].sort());
    expect((await walk({ neverActive: "false" }, 100)).sort()).toEqual(active);
    expect((await walk({ activeSince: tenDaysAgo }, 100)).sort()).toEqual(["u_alice", "u_zoe"]);
    const leastRecent = await walk({ sort: "lastActiveAt" }, 9);
    expect(leastRecent.slice(-3)).toEqual(["u_moe", "u_alice", "u_zoe"]);
    expect(leastRecent.slice(0, never.length).sort()).toEqual([...never].sort());
    expect(await walk({ sort: "lastActiveAt", lastActiveBefore: tenDaysAgo, q: "moe" }, 5)).toEqual(["u_moe"]);
    expect(await countUsers(t.d, params({ neverActive: "false" }), NOW)).toEqual({ kind: "exact", value: 3 });
  });

  it("combines filters with AND", async () => {
    expect(await ids({ provider: "credential", status: "banned" }).then((r) => r.sort())).toEqual(["u_carol", "u_zoe"]);
  });

  it.each(["-createdAt", "createdAt", "email", "-email", "name", "-name", "-lastActiveAt", "lastActiveAt"])(
    "pages through every user exactly once sorted by %s, ties and microseconds included",
    async (sort) => {
      const paged = await walk({ sort });
      expect(paged).toHaveLength(fixtureUserCount);
      expect(new Set(paged).size).toBe(fixtureUserCount);
      const single = (await listUsers(t.d, params({ sort, limit: "100" }), NOW)).rows.map((r) => r.id);
      expect(paged).toEqual(single);
    },
  );

  it("orders by the right keys", async () => {
    const newest = await ids({ sort: "-createdAt", limit: "3" });
    expect(newest.slice(0, 3)).toEqual(["u_micro4", "u_micro3", "u_micro2"]);
    expect((await ids({ sort: "createdAt" }))[0]).toBe("u_alice");
    expect((await ids({ sort: "email" }))[0]).toBe("u_alice");
    expect((await ids({ sort: "-lastActiveAt" })).slice(0, 3)).toEqual(["u_zoe", "u_alice", "u_moe"]);
  });

  it("pages a filtered search with the cursor", async () => {
    expect(await walk({ q: "fill", sort: "name" }, 9)).toHaveLength(65);
  });

  it("returns lastActiveAt and sign-in methods per row without extra queries", async () => {
    const [zoe] = (await listUsers(t.d, params({ q: "u_zoe" }), NOW)).rows;
    expect(zoe?.providers.sort()).toEqual(["credential", "github"]);
    expect(zoe?.lastActiveAt?.toISOString()).toBe(new Date(NOW.getTime() - 86_400_000).toISOString());
  });

  it("counts exactly when cheap and shares the list's filters", async () => {
    expect(await countUsers(t.d, { q: "fill" }, NOW)).toEqual({ kind: "exact", value: 65 });
    expect(await countUsers(t.d, { status: "banned" }, NOW)).toEqual({ kind: "exact", value: 2 });
    expect(await countUsers(t.d, {}, NOW)).toEqual({ kind: "exact", value: fixtureUserCount });
  });

  it("rejects a cursor from another sort or a forged one with a 400", async () => {
    const page = await listUsers(t.d, params({ limit: "5" }), NOW);
    await expect(listUsers(t.d, params({ sort: "email", cursor: page.nextCursor ?? "" }), NOW)).rejects.toMatchObject({ code: "invalid_request" });
    const forged = Buffer.from(JSON.stringify(["-createdAt", "not a date", "x"])).toString("base64url");
    await expect(listUsers(t.d, params({ cursor: forged }), NOW)).rejects.toMatchObject({ code: "invalid_request" });
    await expect(listUsers(t.d, params({ cursor: "%%%" }), NOW)).rejects.toMatchObject({ code: "invalid_request" });
  });

  it("shows a user's detail without tokens or password hashes", async () => {
    const detail = await getUserDetail(t.d, people.alice.id, NOW);
    expect(detail?.user.email).toBe("alice@example.com");
    expect(detail?.accounts.map((a) => a.providerId)).toEqual(["credential"]);
    expect(detail?.sessions.map((s) => [s.id, s.active])).toEqual([["s1", true], ["s2", false]]);
    expect(detail?.total).toBe(2);
    expect(detail?.activeTotal).toBe(1);
    const json = JSON.stringify(detail);
    expect(json).not.toContain("secret");
    expect(json).not.toContain("scrypt");
    expect(await getUserDetail(t.d, "nobody", NOW)).toBeNull();
  });

  it("detects the optional modules present in the schema", async () => {
    expect([...t.d.caps.modules].sort()).toEqual(["admin", "core", "twoFactor", "username"]);
    const [alice] = (await listUsers(t.d, params({ q: "u_alice" }), NOW)).rows;
    expect(alice?.extra).toHaveProperty("username");
    expect(alice?.extra).toHaveProperty("twoFactorEnabled");
  });
});

describe("users queries without the admin plugin's ban columns", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed", ["admin"]);
    await t.raw.schema.withSchema(t.schema).alterTable("app_users").dropColumn("banned").dropColumn("ban_reason").dropColumn("ban_expires").execute();
    await t.reopen();
    await insertFixtures(t.d);
  });
  afterAll(async () => t?.cleanup());

  it("switches the admin module off and still lists users", async () => {
    expect(t.d.caps.modules.has("admin")).toBe(false);
    const page = await listUsers(t.d, params({ q: "carol" }), NOW);
    expect(page.rows[0]?.banned).toBeNull();
  });

  it("refuses a status filter with a 400 instead of ignoring it", async () => {
    await expect(listUsers(t.d, params({ status: "banned" }), NOW)).rejects.toMatchObject({ code: "invalid_request" });
  });
});
