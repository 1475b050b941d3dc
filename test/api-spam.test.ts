import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../lib/seed/insert";
import { createTestDb, type TestDb } from "./helpers/db";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = "http://localhost:3000";

/** GET /api/v1/spam/accounts and /waves on a seeded database with spam waves. */
describe("JSON API: spam review", () => {
  let t: TestDb;
  let accounts: Handler;
  let waves: Handler;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    await seedDatabase(t.raw, t.naming, { users: 3000, seed: 11, concurrency: 1 });
    for (const role of ["support", "moderator"]) await createPasswordUser(t.d, { id: `spam_${role}`, email: `${role}@corp.test`, role });
    Object.assign(process.env, {
      DATABASE_URL: t.url, AUTH_DB_SCHEMA: t.schema, AUTH_DB_CASING: "camel", AUTH_DB_PLURAL: "false", AUTH_DB_MAPPING: "",
      BETTER_AUTH_SECRET: "api-spam-secret-0123456789abcdefghijklmn", BETTER_AUTH_URL: BASE,
    });
    accounts = (await import("../app/api/v1/spam/accounts/route")).GET as unknown as Handler;
    waves = (await import("../app/api/v1/spam/waves/route")).GET as unknown as Handler;
    const { getAuth } = await import("../lib/auth");
    const auth = await getAuth();
    for (const role of ["support", "moderator"]) {
      cookies[role] = cookieFrom((await auth.api.signInEmail({ body: { email: `${role}@corp.test`, password: PASSWORD }, returnHeaders: true })).headers);
    }
  });
  afterAll(async () => {
    const { getDatabase } = await import("../lib/db");
    await (await getDatabase()).close();
    await t?.cleanup();
  });

  const get = async (route: Handler, path: string, who: string) => {
    const res = await route(new Request(`${BASE}${path}`, { headers: { cookie: cookies[who] ?? "" } }), { params: Promise.resolve({}) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("is for moderators and admins only", async () => {
    expect((await get(accounts, "/api/v1/spam/accounts", "support")).status).toBe(403);
    expect((await get(waves, "/api/v1/spam/waves", "support")).status).toBe(403);
  });

  it("lists flagged accounts with users, scores and reasons, highest first", async () => {
    const { status, body } = await get(accounts, "/api/v1/spam/accounts?limit=20", "moderator");
    expect(status).toBe(200);
    expect(body.data.length).toBeGreaterThan(0);
    const first = body.data[0];
    expect(Object.keys(first).sort()).toEqual(["flagged", "reasons", "score", "user"]);
    expect(first.user).toHaveProperty("email");
    expect(first.reasons[0]).toEqual({ code: expect.any(String), points: expect.any(Number), text: expect.any(String) });
    expect(body.data.every((a: { flagged: boolean }) => a.flagged)).toBe(true);
    const scores = body.data.map((a: { score: number }) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("pages with the cursor and lowers the bar with minScore", async () => {
    const page1 = await get(accounts, "/api/v1/spam/accounts?limit=5&minScore=0", "moderator");
    const page2 = await get(accounts, `/api/v1/spam/accounts?limit=5&minScore=0&cursor=${page1.body.nextCursor}`, "moderator");
    const ids = [...page1.body.data, ...page2.body.data].map((a: { user: { id: string } }) => a.user.id);
    expect(new Set(ids).size).toBe(10);
    expect(page2.body.data).toHaveLength(5);
    // minScore=0 reaches below the "likely" bar that the default applies.
    const count = async (query: string) => {
      let n = 0;
      let cursor = "";
      for (let i = 0; i < 100; i++) {
        const r = await get(accounts, `/api/v1/spam/accounts?limit=100${query}${cursor ? `&cursor=${cursor}` : ""}`, "moderator");
        n += r.body.data.length;
        if (!r.body.nextCursor) return n;
        cursor = r.body.nextCursor;
      }
      return n;
    };
    expect(await count("&minScore=0")).toBeGreaterThan(await count(""));
  });

  it.each(["minScore=101", "minScore=abc", "since=yesterday", "limit=0", "cursor=%%%"])("answers 400 for %s", async (query) => {
    const { status, body } = await get(accounts, `/api/v1/spam/accounts?${query}`, "moderator");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
  });

  it("lists waves with their evidence", async () => {
    const { status, body } = await get(waves, "/api/v1/spam/waves", "moderator");
    expect(status).toBe(200);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data[0]).toMatchObject({
      key: expect.any(String), kind: expect.stringMatching(/^(mailbox|sequence|domain-day|subnet-week|ua-day)$/), size: expect.any(Number),
      firstAt: expect.any(String), lastAt: expect.any(String), avgScore: expect.any(Number), sampleUserIds: expect.any(Array),
    });
    expect(body.data[0].topReasons.length).toBeGreaterThan(0);
    const future = await get(waves, "/api/v1/spam/waves?since=2999-01-01", "moderator");
    expect(future.body.data).toEqual([]);
  });

  it("scores the window that since picks (7d, 30d by default, 90d, 365d, all, or a date reaching back)", async () => {
    const DAY = 86_400_000;
    const created = async (query: string) => {
      const r = await get(accounts, `/api/v1/spam/accounts?limit=100&minScore=0${query}`, "moderator");
      expect(r.status).toBe(200);
      return r.body.data.map((a: { user: { createdAt: string } }) => Date.parse(a.user.createdAt)) as number[];
    };
    const month = await created("");
    expect(month.length).toBeGreaterThan(0);
    expect(Math.min(...month)).toBeGreaterThanOrEqual(Date.now() - 30 * DAY - 60_000);
    expect(await created("&since=30d")).toEqual(month);
    const week = await created("&since=7d");
    expect(Math.min(...week)).toBeGreaterThanOrEqual(Date.now() - 7 * DAY - 60_000);
    // older sign-ups are scored once the window reaches them
    expect(Math.min(...(await created("&since=all")))).toBeLessThan(Date.now() - 31 * DAY);
    const yearAgo = new Date(Date.now() - 200 * DAY).toISOString().slice(0, 10);
    const fromDate = await created(`&since=${yearAgo}`);
    expect(Math.min(...fromDate)).toBeGreaterThanOrEqual(Date.parse(yearAgo));
    expect(Math.min(...fromDate)).toBeLessThan(Date.now() - 31 * DAY);
    const w = await get(waves, "/api/v1/spam/waves?since=all", "moderator");
    expect(w.status).toBe(200);
    for (const bad of ["14d", "ALL", "-7d", "7"]) {
      const r = await get(waves, `/api/v1/spam/waves?since=${bad}`, "moderator");
      expect([bad, r.status, r.body.error.message]).toEqual([bad, 400, expect.stringMatching(/since.*7d, 30d, 90d, 365d, all/)]);
    }
  });

  it("answers 400 to an unknown query parameter instead of ignoring it", async () => {
    const r = await get(waves, "/api/v1/spam/waves?snice=2999-01-01", "moderator");
    expect([r.status, r.body.error.message]).toEqual([400, expect.stringMatching(/snice/)]);
    expect((await get(accounts, "/api/v1/spam/accounts?minscore=0", "moderator")).status).toBe(400);
  });

  it("drops an account banned after the scoring from the queue at once", async () => {
    const before = await get(accounts, "/api/v1/spam/accounts?limit=5", "moderator");
    const first = before.body.data[0].user.id as string;
    await t.d.db.updateTable("user").set({ banned: true, banReason: "spam", banExpires: null }).where("user.id", "=", first).execute();
    const after = await get(accounts, "/api/v1/spam/accounts?limit=5", "moderator");
    expect(after.body.data.map((a: { user: { id: string } }) => a.user.id)).not.toContain(first);
    expect(after.body.computedAt).toBe(before.body.computedAt);
  });
});
