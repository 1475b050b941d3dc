import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures } from "./helpers/fixtures";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * The /api/v1 contract, called in-process through the real route handlers, the real Better Auth
 * instance and the real database (snake_case plural naming, to prove the API never leaks names).
 */
describe("JSON API /api/v1/users", () => {
  let t: TestDb;
  let listRoute: Handler;
  let detailRoute: Handler;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed");
    await insertFixtures(t.d);
    await createPasswordUser(t.d, { id: "api_staff", email: "staff@corp.test", role: "support" });
    await createPasswordUser(t.d, { id: "api_user", email: "user@corp.test", role: "user" });
    Object.assign(process.env, {
      DATABASE_URL: t.url,
      AUTH_DB_SCHEMA: t.schema,
      AUTH_DB_CASING: "snake",
      AUTH_DB_PLURAL: "true",
      AUTH_DB_MAPPING: JSON.stringify({ user: { modelName: "app_users", fields: { email: "email_address" } } }),
      BETTER_AUTH_SECRET: "api-test-secret-api-test-secret-0123456789",
      BETTER_AUTH_URL: "http://localhost:3000",
    });
    listRoute = (await import("../app/api/v1/users/route")).GET as unknown as Handler;
    detailRoute = (await import("../app/api/v1/users/[id]/route")).GET as unknown as Handler;
    const { getAuth } = await import("../lib/auth");
    const auth = await getAuth();
    const res = await auth.api.signInEmail({ body: { email: "staff@corp.test", password: PASSWORD }, returnHeaders: true });
    cookies.staff = cookieFrom(res.headers);
    // A non-staff user cannot sign in through the dashboard; give them a session as the app would.
    const { signedCookie } = await appSessionCookie("api_user");
    cookies.user = signedCookie;
  });
  afterAll(async () => {
    const { getDatabase } = await import("../lib/db");
    await (await getDatabase()).close();
    await t?.cleanup();
  });

  /** A session row made by "the app" for a non-staff user, with a correctly signed cookie. */
  async function appSessionCookie(userId: string) {
    const { makeSignature } = await import("better-auth/crypto");
    const token = `apptoken${userId}`.padEnd(32, "x");
    const now = new Date();
    await t.d.db
      .insertInto("session")
      .values({ id: `s_${userId}`, userId, token, createdAt: now, updatedAt: now, expiresAt: new Date(now.getTime() + 3_600_000), ipAddress: null, userAgent: null })
      .execute();
    const sig = await makeSignature(token, process.env.BETTER_AUTH_SECRET ?? "");
    return { signedCookie: `ba-admin.session_token=${encodeURIComponent(`${token}.${sig}`)}` };
  }

  const get = async (route: Handler, path: string, who?: string, params: Record<string, string> = {}) => {
    const res = await route(new Request(`http://localhost:3000${path}`, { headers: who ? { cookie: cookies[who] ?? "" } : {} }), {
      params: Promise.resolve(params),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("lists users with the documented shape and effective ban status", async () => {
    const { status, body } = await get(listRoute, "/api/v1/users?q=example&sort=email&limit=3", "staff");
    expect(status).toBe(200);
    expect(body.data).toHaveLength(3);
    expect(Object.keys(body.data[0]).sort()).toEqual(
      ["banExpires", "banReason", "banned", "createdAt", "email", "emailVerified", "id", "image", "keptActivity", "lastActiveAt", "name", "role", "updatedAt"].sort(),
    );
    expect(body.data.map((u: { email: string }) => u.email)).toEqual(["alice@example.com", "dave@example.org", "erin@example.net"]);
    expect(body.data[1].banned).toBe(false); // dave's ban expired
    expect(typeof body.nextCursor).toBe("string");
    const next = await get(listRoute, `/api/v1/users?q=example&sort=email&limit=3&cursor=${body.nextCursor}`, "staff");
    expect(next.body.data[0].email).toBe("moe@example.com");
  });

  it("returns a user's detail without secrets", async () => {
    const { status, body } = await get(detailRoute, "/api/v1/users/u_alice", "staff", { id: "u_alice" });
    expect(status).toBe(200);
    expect(body.user.email).toBe("alice@example.com");
    expect(body.accounts).toEqual([{ id: "a1", providerId: "credential", accountId: "u_alice", createdAt: "2026-01-01T00:00:00.000Z" }]);
    expect(Object.keys(body.sessions[0]).sort()).toEqual(["active", "createdAt", "expiresAt", "id", "impersonatedBy", "ipAddress", "updatedAt", "userAgent"]);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/tok_|scrypt|secret|password/i);
  });

  it("answers 404 for an unknown user", async () => {
    const { status, body } = await get(detailRoute, "/api/v1/users/nobody", "staff", { id: "nobody" });
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("answers 401 without a session and 403 for a non-staff session", async () => {
    expect((await get(listRoute, "/api/v1/users")).status).toBe(401);
    const forbidden = await get(listRoute, "/api/v1/users", "user");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");
    expect(forbidden.body).not.toHaveProperty("data");
    expect((await get(detailRoute, "/api/v1/users/u_alice", "user", { id: "u_alice" })).status).toBe(403);
  });

  it("treats the warm-up's probe cookie as nobody: 401 here, 'anonymous' for a page (its sign-in redirect)", async () => {
    const { probeCookie } = await import("../lib/auth/probe-cookie");
    const { checkStaff } = await import("../lib/auth/staff");
    cookies.probe = await probeCookie("ba-admin.session_token", process.env.BETTER_AUTH_SECRET ?? "");
    const res = await get(listRoute, "/api/v1/users", "probe");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
    expect((await get(detailRoute, "/api/v1/users/u_alice", "probe", { id: "u_alice" })).status).toBe(401);
    expect(await checkStaff(new Headers({ cookie: cookies.probe }))).toEqual({ kind: "anonymous" });
  });

  it.each([
    ["sort=password", /sort/],
    ["createdAfter=yesterday", /createdAfter/],
    ["createdAfter=2026-02-30T25:00", /createdAfter/],
    ["limit=0", /limit/],
    ["limit=101", /limit/],
    ["limit=abc", /limit/],
    ["status=deleted", /status/],
    ["verified=maybe", /verified/],
    ["cursor=!!!", /cursor/],
    ["createdAfter=2026-05-01&createdBefore=2026-04-01", /createdAfter/],
  ])("answers 400 with a message for %s", async (query, message) => {
    const { status, body } = await get(listRoute, `/api/v1/users?${query}`, "staff");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(message);
  });
});
