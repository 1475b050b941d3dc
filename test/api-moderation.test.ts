import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuditTable } from "../lib/audit/table";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures } from "./helpers/fixtures";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = "http://localhost:3000";
const HOUR = 3_600_000;

/** The mutating /api/v1 routes, in-process, with real staff sessions of each role. */
describe("JSON API: moderation", () => {
  let t: TestDb;
  const routes: Record<string, Handler> = {};
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb("default");
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
    await insertFixtures(t.d);
    for (const role of ["support", "moderator", "admin"]) await createPasswordUser(t.d, { id: `api_${role}`, email: `${role}@corp.test`, role });
    Object.assign(process.env, {
      DATABASE_URL: t.url, AUTH_DB_SCHEMA: t.schema, AUTH_DB_CASING: "camel", AUTH_DB_PLURAL: "false", AUTH_DB_MAPPING: "",
      BETTER_AUTH_SECRET: "api-moderation-secret-0123456789abcdefgh", BETTER_AUTH_URL: BASE,
    });
    const load = async (path: string, method: string) => (await import(path))[method] as Handler;
    routes.ban = await load("../app/api/v1/users/[id]/ban/route", "POST");
    routes.bulk = await load("../app/api/v1/users/bulk/route", "POST");
    routes.revoke = await load("../app/api/v1/sessions/revoke/route", "POST");
    routes.sessions = await load("../app/api/v1/sessions/route", "GET");
    routes.users = await load("../app/api/v1/users/route", "GET");
    routes.unban = await load("../app/api/v1/users/[id]/unban/route", "POST");
    routes.role = await load("../app/api/v1/users/[id]/role/route", "POST");
    routes.deleteSession = await load("../app/api/v1/sessions/[id]/route", "DELETE");
    routes.deleteUser = await load("../app/api/v1/users/[id]/route", "DELETE");
    routes.audit = await load("../app/api/v1/audit/route", "GET");
    const { getAuth } = await import("../lib/auth");
    const auth = await getAuth();
    for (const role of ["support", "moderator", "admin"]) {
      const res = await auth.api.signInEmail({ body: { email: `${role}@corp.test`, password: PASSWORD }, returnHeaders: true });
      cookies[role] = cookieFrom(res.headers);
    }
    const now = Date.now();
    await t.d.db.insertInto("session").values(
      ["10", "11", "12"].map((n) => ({
        id: `live${n}`, userId: n === "12" ? "u_zoe" : "u_bob", token: `tok_live${n}`, ipAddress: `192.0.2.${n}`, userAgent: "curl/8.4",
        createdAt: new Date(now - HOUR), updatedAt: new Date(now), expiresAt: new Date(now + 24 * HOUR),
      })),
    ).execute();
  });
  afterAll(async () => {
    const { getDatabase } = await import("../lib/db");
    await (await getDatabase()).close();
    await t?.cleanup();
  });

  const call = async (route: string, opts: { who?: string; method?: string; path?: string; body?: unknown; params?: Record<string, string>; origin?: string; raw?: string } = {}) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (opts.who) headers.cookie = cookies[opts.who] ?? "";
    if (opts.origin) headers.origin = opts.origin;
    const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    const res = await routes[route]!(new Request(`${BASE}${opts.path ?? "/api/v1/x"}`, { method: opts.method ?? "POST", headers, body }), {
      params: Promise.resolve(opts.params ?? {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("bans through the API and reports counts", async () => {
    const r = await call("ban", { who: "moderator", params: { id: "u_bob" }, body: { reason: "api ban", duration: "1d" }, origin: BASE });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ usersChanged: 1, sessionsRevoked: 2 });
  });

  it.each([
    [{ params: { id: "u_bob" }, body: { reason: "x" } }, 401, "unauthenticated"],
    [{ who: "support", params: { id: "u_bob" }, body: { reason: "x" } }, 403, "forbidden"],
    [{ who: "moderator", params: { id: "u_bob" }, body: { reason: "x" }, origin: "https://evil.example" }, 403, "forbidden"],
    [{ who: "moderator", params: { id: "u_bob" }, raw: "{not json" }, 400, "invalid_request"],
    [{ who: "moderator", params: { id: "u_bob" }, body: {} }, 400, "invalid_request"],
    [{ who: "moderator", params: { id: "u_bob" }, body: { reason: "x", expiresAt: "2000-01-01T00:00:00Z" } }, 400, "invalid_request"],
    [{ who: "moderator", params: { id: "nobody" }, body: { reason: "x" } }, 404, "not_found"],
    [{ who: "moderator", params: { id: "api_moderator" }, body: { reason: "x" } }, 409, "conflict"],
    [{ who: "moderator", params: { id: "api_admin" }, body: { reason: "x" } }, 403, "forbidden"],
  ])("answers a ban request %j with %i", async (opts, status, code) => {
    const r = await call("ban", opts);
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toBeTruthy();
  });

  it("previews a bulk action with dryRun, changing nothing", async () => {
    const r = await call("bulk", { who: "moderator", body: { action: "ban", filter: { q: "fill.test" }, reason: "wave", dryRun: true } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ action: "ban", users: 65, skipped: { self: 0, staff: 0 } });
    const banned = await t.d.db.selectFrom("user").select("user.id").where("user.email", "like", "%fill.test").where("user.banned", "=", true).execute();
    expect(banned).toHaveLength(0);
    const bad = await call("bulk", { who: "moderator", body: { action: "ban", ids: ["u_fill001"] } });
    expect([bad.status, bad.body.error.message]).toEqual([400, "reason: a reason is required to ban"]);
    expect((await call("bulk", { who: "moderator", body: { action: "explode", ids: ["x"] } })).status).toBe(400);
    expect((await call("bulk", { who: "moderator", body: { action: "ban", reason: "x" } })).status).toBe(400);
  });

  it("refuses what would act on everyone: an empty filter, a misspelled key, a filter reaching every user", async () => {
    const bannedBefore = await t.d.db.selectFrom("user").select("user.id").where("user.banned", "=", true).execute();
    const cases: [string, unknown, number, RegExp][] = [
      ["admin", { action: "ban", filter: {}, reason: "x" }, 400, /at least one filter/],
      ["admin", { action: "ban", filter: { emial: "bob@gmail.com" }, reason: "x" }, 400, /emial/],
      ["admin", { action: "ban", filter: { q: "fill.test" }, reason: "x", replace: true }, 400, /replace/],
      ["moderator", { action: "revokeSessions", filter: {} }, 400, /at least one filter/],
      ["moderator", { action: "revokeSessions", filter: { createdAfter: "1970-01-01" }, dryRun: true }, 403, /admin-only/],
      ["moderator", { action: "revokeSessions", scope: "everyone", confirm: "SIGN OUT EVERYONE", dryRun: true }, 403, /admins/],
      ["admin", { action: "ban", filter: { q: "fill.test" }, reason: "x" }, 400, /preview/],
    ];
    for (const [who, body, status, message] of cases) {
      const r = await call("bulk", { who, body });
      expect([r.status, r.body.error?.message]).toEqual([status, expect.stringMatching(message)]);
    }
    const bannedAfter = await t.d.db.selectFrom("user").select("user.id").where("user.banned", "=", true).execute();
    expect(bannedAfter.length).toBe(bannedBefore.length);
  });

  it("confirms a filtered bulk action with its dry run's scopeToken, and refuses another staff member's token", async () => {
    const dry = await call("bulk", { who: "moderator", body: { action: "revokeSessions", filter: { q: "filler1" }, dryRun: true } });
    expect(dry.body).toMatchObject({ users: 11, scopeToken: expect.any(String) });
    const stolen = await call("bulk", { who: "admin", body: { action: "revokeSessions", filter: { q: "filler1" }, scopeToken: dry.body.scopeToken } });
    expect([stolen.status, stolen.body.error.code]).toEqual([409, "conflict"]);
    const ok = await call("bulk", { who: "moderator", body: { action: "revokeSessions", filter: { q: "filler1" }, scopeToken: dry.body.scopeToken } });
    expect([ok.status, ok.body.usersSelected]).toEqual([200, 11]);
  });

  it("answers 400 to a body or query key a route does not use", async () => {
    const r = await call("users", { who: "support", method: "GET", path: "/api/v1/users?emial=x" });
    expect([r.status, r.body.error.message]).toEqual([400, expect.stringMatching(/emial/)]);
    expect((await call("users", { who: "support", method: "GET", path: "/api/v1/users?q=bob" })).status).toBe(200);
    expect((await call("sessions", { who: "support", method: "GET", path: "/api/v1/sessions?ipp=192.0.2.1" })).status).toBe(400);
    // dryRun on a route without a preview used to run the ban for real
    expect((await call("ban", { who: "moderator", params: { id: "u_fill010" }, body: { reason: "x", dryRun: true } })).status).toBe(400);
    expect((await call("ban", { who: "moderator", params: { id: "u_fill010" }, body: { reason: "x", userId: "u_fill011" } })).status).toBe(400);
    expect((await call("unban", { who: "moderator", params: { id: "u_carol" }, body: { all: true } })).status).toBe(400);
    expect((await call("role", { who: "admin", params: { id: "u_fill010" }, body: { role: "user", admin: true } })).status).toBe(400);
    const fill10 = await t.d.db.selectFrom("user").select(["user.banned", "user.role"]).where("user.id", "=", "u_fill010").executeTakeFirstOrThrow();
    expect(fill10).toEqual({ banned: false, role: null });
  });

  it("lists live sessions without tokens and rejects a bad IP", async () => {
    const r = await call("sessions", { who: "support", method: "GET", path: "/api/v1/sessions?ip=192.0.2.0/24" });
    expect(r.status).toBe(200);
    expect(r.body.data.map((s: { id: string }) => s.id)).toEqual(["live12"]);
    expect(JSON.stringify(r.body)).not.toContain("tok_");
    const bad = await call("sessions", { who: "support", method: "GET", path: "/api/v1/sessions?ip=999.1.1.1" });
    expect([bad.status, bad.body.error.code]).toEqual([400, "invalid_request"]);
  });

  it("revokes by CIDR after a dry run, and only admins revoke everyone", async () => {
    // A live session outside the range: otherwise the range would be every session a moderator may end (refused, 403).
    await t.d.db.insertInto("session").values({
      id: "outside1", userId: "u_carol", token: "tok_outside1", ipAddress: "198.51.100.1", userAgent: "curl/8.4",
      createdAt: new Date(), updatedAt: new Date(), expiresAt: new Date(Date.now() + HOUR),
    }).execute();
    const dry = await call("revoke", { who: "moderator", body: { cidr: "192.0.2.0/24", dryRun: true } });
    expect(dry.body).toMatchObject({ sessions: 1, users: 1, scopeToken: expect.any(String) });
    const noToken = await call("revoke", { who: "moderator", body: { cidr: "192.0.2.0/24" } });
    expect([noToken.status, noToken.body.error.message]).toEqual([400, expect.stringMatching(/dryRun/)]);
    const { scopeToken } = dry.body;
    expect((await call("revoke", { who: "moderator", body: { cidr: "192.0.2.0/24", scopeToken } })).body).toEqual({ sessionsRevoked: 1, usersAffected: 1, sessionsSpared: 0 });
    expect((await call("revoke", { who: "support", body: { cidr: "192.0.2.0/24", scopeToken } })).status).toBe(403);
    expect((await call("revoke", { who: "moderator", body: { all: true } })).status).toBe(403);
    const all = await call("revoke", { who: "admin", body: { all: true, dryRun: true } });
    expect([all.status, typeof all.body.scopeToken]).toEqual([200, "string"]);
    expect((await call("revoke", { who: "admin", body: { all: true } })).status).toBe(400);
    expect((await call("revoke", { who: "moderator", body: {} })).status).toBe(400);
    for (const cidr of ["0.0.0.0/0", "::/0"]) expect((await call("revoke", { who: "moderator", body: { cidr, dryRun: true } })).status).toBe(400);
    expect((await call("revoke", { who: "moderator", body: { cidr: "192.0.2.0/24", usr: "bob@gmail.com", dryRun: true } })).status).toBe(400);
  });

  it("deletes one session, then says it is gone", async () => {
    await t.d.db.insertInto("session").values({
      id: "gone1", userId: "u_zoe", token: "tok_gone1", ipAddress: null, userAgent: null,
      createdAt: new Date(), updatedAt: new Date(), expiresAt: new Date(Date.now() + HOUR),
    }).execute();
    expect((await call("deleteSession", { who: "support", method: "DELETE", params: { id: "gone1" } })).body).toEqual({ sessionsRevoked: 1 });
    expect((await call("deleteSession", { who: "support", method: "DELETE", params: { id: "gone1" } })).status).toBe(404);
  });

  it("deletes a user only for an admin with the typed email", async () => {
    expect((await call("deleteUser", { who: "moderator", method: "DELETE", params: { id: "u_fill002" }, body: { confirm: "filler2@fill.test" } })).status).toBe(403);
    expect((await call("deleteUser", { who: "admin", method: "DELETE", params: { id: "u_fill002" }, body: {} })).status).toBe(400);
    expect((await call("deleteUser", { who: "admin", method: "DELETE", params: { id: "u_fill002" }, body: { confirm: "filler2@fill.test" } })).body).toMatchObject({ usersDeleted: 1 });
  });

  it("shows the audit trail to admins only, filtered by target", async () => {
    expect((await call("audit", { who: "moderator", method: "GET", path: "/api/v1/audit" })).status).toBe(403);
    const r = await call("audit", { who: "admin", method: "GET", path: "/api/v1/audit?target=u_bob" });
    expect(r.status).toBe(200);
    expect(r.body.data.map((a: { action: string }) => a.action)).toEqual(["user.ban"]);
    expect(r.body.data[0]).toMatchObject({ actorEmail: "moderator@corp.test", actorRole: "moderator", reason: "api ban", targetIds: ["u_bob"] });
    expect((await call("audit", { who: "admin", method: "GET", path: "/api/v1/audit?limit=500" })).status).toBe(400);
    expect((await call("audit", { who: "admin", method: "GET", path: "/api/v1/audit?tagret=u_bob" })).status).toBe(400);
  });

  it("refuses a staff member the moment their role goes or a ban is set, even with a live session", async () => {
    expect((await call("sessions", { who: "support", method: "GET", path: "/api/v1/sessions" })).status).toBe(200);
    await t.d.db.updateTable("user").set({ banned: true, banReason: "test", banExpires: null }).where("user.id", "=", "api_support").execute();
    expect((await call("sessions", { who: "support", method: "GET", path: "/api/v1/sessions" })).status).toBe(403);
    await t.d.db.updateTable("user").set({ banned: false, role: "user" }).where("user.id", "=", "api_support").execute();
    expect((await call("sessions", { who: "support", method: "GET", path: "/api/v1/sessions" })).status).toBe(403);
    await t.d.db.updateTable("user").set({ role: "support" }).where("user.id", "=", "api_support").execute();
    expect((await call("sessions", { who: "support", method: "GET", path: "/api/v1/sessions" })).status).toBe(200);
  });
});
