import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_TABLE, installAuditTable } from "../lib/audit/table";
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
  let wave: Handler;
  let bulk: Handler;
  let clear: Handler;
  let unclear: Handler;
  let banOne: Handler;
  let deleteOne: Handler;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    await seedDatabase(t.raw, t.naming, { users: 3000, seed: 11, concurrency: 1 });
    // "Not spam" and its undo are audit records: without the table they are refused.
    await installAuditTable(t.raw, t.schema);
    for (const role of ["support", "moderator", "admin"]) await createPasswordUser(t.d, { id: `spam_${role}`, email: `${role}@corp.test`, role });
    Object.assign(process.env, {
      DATABASE_URL: t.url, AUTH_DB_SCHEMA: t.schema, AUTH_DB_CASING: "camel", AUTH_DB_PLURAL: "false", AUTH_DB_MAPPING: "",
      BETTER_AUTH_SECRET: "api-spam-secret-0123456789abcdefghijklmn", BETTER_AUTH_URL: BASE,
    });
    accounts = (await import("../app/api/v1/spam/accounts/route")).GET as unknown as Handler;
    waves = (await import("../app/api/v1/spam/waves/route")).GET as unknown as Handler;
    wave = (await import("../app/api/v1/spam/waves/[key]/route")).GET as unknown as Handler;
    bulk = (await import("../app/api/v1/users/bulk/route")).POST as unknown as Handler;
    clear = (await import("../app/api/v1/spam/clear/route")).POST as unknown as Handler;
    unclear = (await import("../app/api/v1/spam/unclear/route")).POST as unknown as Handler;
    banOne = (await import("../app/api/v1/users/[id]/ban/route")).POST as unknown as Handler;
    deleteOne = (await import("../app/api/v1/users/[id]/route")).DELETE as unknown as Handler;
    const { getAuth } = await import("../lib/auth");
    const auth = await getAuth();
    for (const role of ["support", "moderator", "admin"]) {
      cookies[role] = cookieFrom((await auth.api.signInEmail({ body: { email: `${role}@corp.test`, password: PASSWORD }, returnHeaders: true })).headers);
    }
  });
  afterAll(async () => {
    const { getDatabase } = await import("../lib/db");
    await (await getDatabase()).close();
    await t?.cleanup();
  });

  const get = async (route: Handler, path: string, who: string, params: Record<string, string> = {}) => {
    const res = await route(new Request(`${BASE}${path}`, { headers: { cookie: cookies[who] ?? "" } }), { params: Promise.resolve(params) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const post = async (route: Handler, path: string, who: string, body: unknown, params: Record<string, string> = {}) => {
    const init = { method: "POST", headers: { cookie: cookies[who] ?? "", "content-type": "application/json" }, body: JSON.stringify(body) };
    const res = await route(new Request(`${BASE}${path}`, init), { params: Promise.resolve(params) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const getWave = (key: string) => get(wave, `/api/v1/spam/waves/${encodeURIComponent(key)}`, "moderator", { key });
  const queueIds = async () => {
    const ids: string[] = [];
    let cursor = "";
    for (let i = 0; i < 100; i++) {
      const r = await get(accounts, `/api/v1/spam/accounts?limit=100&minScore=0${cursor ? `&cursor=${cursor}` : ""}`, "moderator");
      ids.push(...r.body.data.map((a: { user: { id: string } }) => a.user.id));
      if (!r.body.nextCursor) return ids;
      cursor = r.body.nextCursor;
    }
    return ids;
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
    // every page: the first 100 can all be recent (score 100 ties broken by id), whatever the window
    const createdAll = async (query: string) => {
      const out: number[] = [];
      let cursor = "";
      for (let i = 0; i < 100; i++) {
        const r = await get(accounts, `/api/v1/spam/accounts?limit=100&minScore=0${query}${cursor ? `&cursor=${cursor}` : ""}`, "moderator");
        out.push(...r.body.data.map((a: { user: { createdAt: string } }) => Date.parse(a.user.createdAt)));
        if (!r.body.nextCursor) break;
        cursor = r.body.nextCursor;
      }
      return out;
    };
    const month = await created("");
    expect(month.length).toBeGreaterThan(0);
    expect(Math.min(...month)).toBeGreaterThanOrEqual(Date.now() - 30 * DAY - 60_000);
    expect(await created("&since=30d")).toEqual(month);
    const week = await created("&since=7d");
    expect(Math.min(...week)).toBeGreaterThanOrEqual(Date.now() - 7 * DAY - 60_000);
    // older sign-ups are scored once the window reaches them
    expect(Math.min(...(await createdAll("&since=all")))).toBeLessThan(Date.now() - 31 * DAY);
    const yearAgo = new Date(Date.now() - 200 * DAY).toISOString().slice(0, 10);
    const fromDate = await createdAll(`&since=${yearAgo}`);
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

  it("empties a wave at once when it is banned: 0 left, nobody to ban, without a recomputation", async () => {
    const list = await get(waves, "/api/v1/spam/waves", "moderator");
    const target = list.body.data.find((w: { left: number }) => w.left >= 3);
    expect(target).toBeDefined();
    const before = await getWave(target.key);
    expect(before.status).toBe(200);
    expect(before.body.wave).toMatchObject({ key: target.key, left: target.left });
    expect(before.body.openMemberIds).toHaveLength(target.left);
    const banned = await post(bulk, "/api/v1/users/bulk", "moderator", { action: "ban", ids: before.body.openMemberIds, reason: `spam wave: ${target.label}` });
    expect(banned.status).toBe(200);
    expect([banned.body.usersChanged, banned.body.skipped]).toEqual([target.left, { self: 0, staff: 0, alreadyBanned: 0 }]);

    const after = await getWave(target.key);
    expect(after.status).toBe(200);
    expect(after.body.wave.left).toBe(0);
    expect(after.body.openMemberIds).toEqual([]);
    expect(after.body.memberIds).toEqual(before.body.memberIds);
    expect(after.body.computedAt).toBe(before.body.computedAt);
    const listed = (await get(waves, "/api/v1/spam/waves", "moderator")).body.data.find((w: { key: string }) => w.key === target.key);
    expect(listed.left).toBe(0);
    const queue = await queueIds();
    for (const id of before.body.memberIds) expect(queue).not.toContain(id);
  });

  it("keeps wave keys across a forced recomputation, and answers 404 for a wave that is gone", async () => {
    const { clearSpamCache } = await import("../lib/spam/cache");
    const before = (await get(waves, "/api/v1/spam/waves", "moderator")).body;
    const open = before.data.filter((w: { left: number }) => w.left > 0).map((w: { key: string }) => w.key);
    const handled = before.data.filter((w: { left: number }) => w.left === 0).map((w: { key: string }) => w.key);
    expect(open.length).toBeGreaterThan(0);
    expect(handled.length).toBeGreaterThan(0);
    clearSpamCache();
    const after = (await get(waves, "/api/v1/spam/waves", "moderator")).body;
    expect(after.computedAt).not.toBe(before.computedAt);
    const keys = after.data.map((w: { key: string }) => w.key);
    // Every wave still waiting keeps its address; the banned one is gone, and says so with a 404.
    for (const key of open) expect(keys).toContain(key);
    for (const key of handled) {
      expect(keys).not.toContain(key);
      const gone = await getWave(key);
      expect([gone.status, gone.body.error.code]).toEqual([404, "not_found"]);
    }
    // …and as the scored window slides on a day (the engine directly: the routes score "now").
    const { computeSpam } = await import("../lib/spam/engine");
    const tomorrow = await computeSpam(t.d, { now: new Date(Date.now() + 86_400_000) });
    for (const key of open) expect(tomorrow.waves.map((w) => w.key)).toContain(key);
    const unknown = await getWave("subnet-week:203.0.113.0/24@2001-01-01");
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "not_found"]);
    expect((await get(wave, "/api/v1/spam/waves/x", "support", { key: "x" })).status).toBe(403);
  });

  it("takes a cleared account out of the queue and its wave, and puts it back on undo, audited", async () => {
    const list = await get(waves, "/api/v1/spam/waves", "moderator");
    const target = list.body.data.find((w: { left: number }) => w.left >= 3);
    const { body } = await getWave(target.key);
    const id = body.openMemberIds[0] as string;
    expect(await queueIds()).toContain(id);

    const cleared = await post(clear, "/api/v1/spam/clear", "moderator", { userIds: [id], reason: "customer confirmed" });
    expect([cleared.status, cleared.body]).toEqual([200, { usersCleared: 1 }]);
    expect(await queueIds()).not.toContain(id);
    const less = (await getWave(target.key)).body;
    expect([less.wave.left, less.openMemberIds.includes(id)]).toEqual([target.left - 1, false]);

    const undone = await post(unclear, "/api/v1/spam/unclear", "moderator", { userIds: [id] });
    expect([undone.status, undone.body]).toEqual([200, { usersRestored: 1 }]);
    expect(await queueIds()).toContain(id);
    expect((await getWave(target.key)).body.wave.left).toBe(target.left);
    // The undo holds after a recomputation too: the audit log's latest decision is the un-clear.
    const { clearSpamCache } = await import("../lib/spam/cache");
    clearSpamCache();
    expect(await queueIds()).toContain(id);
    const { rows } = await sql<{ action: string; target_ids: string[] }>`select action, target_ids from ${sql.id(t.schema, AUDIT_TABLE)} where action like 'spam.%' order by at`.execute(t.raw);
    expect(rows.map((r) => [r.action, r.target_ids])).toEqual([["spam.clear", [id]], ["spam.unclear", [id]]]);
    expect((await post(unclear, "/api/v1/spam/unclear", "moderator", { userIds: [id], extra: 1 })).status).toBe(400);
    expect((await post(unclear, "/api/v1/spam/unclear", "support", { userIds: [id] })).status).toBe(403);
  });

  it("refuses (404) a clearance naming an account that does not exist, clearing and auditing nothing", async () => {
    const target = (await get(waves, "/api/v1/spam/waves", "moderator")).body.data.find((w: { left: number }) => w.left >= 1);
    const id = (await getWave(target.key)).body.openMemberIds[0] as string;
    const count = async () => Number((await sql<{ n: string }>`select count(*) as n from ${sql.id(t.schema, AUDIT_TABLE)} where action like 'spam.%'`.execute(t.raw)).rows[0]?.n);
    const audited = await count();
    const res = await post(clear, "/api/v1/spam/clear", "moderator", { userIds: [id, "no-such-user-1", "no-such-user-2"] });
    expect([res.status, res.body.error.code]).toEqual([404, "not_found"]);
    expect(res.body.error.message).toContain("no-such-user-1");
    expect(await count()).toBe(audited);
    expect(await queueIds()).toContain(id);
  });

  it("patches a ban of one user (POST /users/:id/ban) too, even into a scoring that was running when it committed", async () => {
    const { getSpamResult } = await import("../lib/spam/cache");
    const { getDatabase } = await import("../lib/db");
    const target = (await get(waves, "/api/v1/spam/waves", "moderator")).body.data.find((w: { left: number }) => w.left >= 3);
    const [first, second] = (await getWave(target.key)).body.openMemberIds as string[];
    const banned = await post(banOne, `/api/v1/users/${first}/ban`, "moderator", { reason: "spam" }, { id: first ?? "" });
    expect(banned.status).toBe(200);
    expect((await getWave(target.key)).body.wave.left).toBe(target.left - 1);

    // A recomputation starts, and a ban commits while it runs: the finished result has the ban
    // whichever of the two came first (read by the scoring, or replayed onto it).
    const running = getSpamResult(await getDatabase(), { refresh: true });
    expect((await post(banOne, `/api/v1/users/${second}/ban`, "moderator", { reason: "spam" }, { id: second ?? "" })).status).toBe(200);
    const { result } = await running;
    expect(result.accounts.get(second ?? "")?.out).toEqual(["banned"]);
    expect((await queueIds()).filter((id) => id === first || id === second)).toEqual([]);
  });

  it("counts bans made outside the dashboard (no commit hook) before a wave is shown or banned", async () => {
    const target = (await get(waves, "/api/v1/spam/waves", "moderator")).body.data.find((w: { left: number }) => w.left >= 2);
    const [outside] = (await getWave(target.key)).body.openMemberIds as string[];
    // as Better Auth's own admin API or a SQL console would: straight to the row
    await t.d.db.updateTable("user").set({ banned: true, banReason: "by hand", banExpires: null }).where("user.id", "=", outside ?? "").execute();
    const after = (await getWave(target.key)).body;
    expect([after.wave.left, after.openMemberIds.includes(outside)]).toEqual([target.left - 1, false]);
  });

  it("drops a deleted user from the queue and its wave at once (the cached result is patched, not recomputed)", async () => {
    const target = (await get(waves, "/api/v1/spam/waves", "moderator")).body.data.find((w: { left: number }) => w.left >= 2);
    const [gone] = (await getWave(target.key)).body.openMemberIds as string[];
    const { getDatabase } = await import("../lib/db");
    const email = (await t.d.db.selectFrom("user").select("user.email").where("user.id", "=", gone ?? "").executeTakeFirstOrThrow()).email;
    const { peekSpamResult } = await import("../lib/spam/cache");
    const before = peekSpamResult(await getDatabase())?.result;
    expect(before?.accounts.has(gone ?? "")).toBe(true);
    const res = await deleteOne(new Request(`${BASE}/api/v1/users/${gone}`, { method: "DELETE", headers: { cookie: cookies.admin ?? "", "content-type": "application/json" }, body: JSON.stringify({ confirm: email }) }), { params: Promise.resolve({ id: gone ?? "" }) });
    expect(res.status).toBe(200);
    const after = (await getWave(target.key)).body;
    expect([after.wave.left, after.memberIds.includes(gone), after.openMemberIds.includes(gone)]).toEqual([target.left - 1, false, false]);
    expect(await queueIds()).not.toContain(gone);
    // the same result object, patched: no recomputation happened
    expect(peekSpamResult(await getDatabase())?.result).toBe(before);
    expect(before?.accounts.get(gone ?? "")).toBe(undefined);
  });
});
