import { betterAuth } from "better-auth";
import { Redis } from "ioredis";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { createDashboardAuth } from "../lib/auth/create-auth";
import { appAuthOptions } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/open";
import { previewRevokeAll } from "../lib/moderation/session-actions";
import { listSessions } from "../lib/sessions/list";
import { createRedisStore, type RedisSessionStore } from "../lib/sessions/redis-store";
import { parseSessionListParams } from "../lib/sessions/search-params";
import { getUserDetail } from "../lib/users/detail";
import { listUsers } from "../lib/users/queries";
import { parseUserListParams } from "../lib/users/list-params";
import { depsFor, staffOf, staffRoleMap } from "./helpers/actions";

process.env.BETTER_AUTH_SECRET ??= "redis-only-test-secret-0123456789abcdefgh";
import { createTestDb, type TestDb } from "./helpers/db";
import { deleteKeys, REDIS_URL, redisStorage, requireRedisOrSkip, uniquePrefix } from "./helpers/redis";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * An app whose sessions live only in Redis (secondaryStorage without storeSessionInDatabase): its
 * database has no session table at all. The dashboard starts, lists a user's sessions from Redis,
 * revokes them there, keeps its own staff sessions there, and says what it cannot do.
 */
const redisUp = await requireRedisOrSkip("redis-only.test");

describe.skipIf(!redisUp)("an app with sessions only in Redis", () => {
  let t: TestDb;
  let r: Redis;
  let store: RedisSessionStore;
  const prefix = uniquePrefix("redis-only");
  let app: ReturnType<typeof makeApp>;
  function makeApp() {
    return betterAuth({ ...appAuthOptions(t.raw, t.naming, ["admin"], { rateLimit: { enabled: false } }), secondaryStorage: redisStorage(r, prefix) });
  }

  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed", ["admin"]);
    await sql`drop table ${sql.id(t.schema, "sessions")}`.execute(t.raw);
    await t.d.close();
    t.d = await openDatabase({ url: t.url, naming: t.naming, poolMax: 2, statementTimeoutMs: 10_000, sessionsInStore: true });
    r = new Redis(REDIS_URL);
    store = createRedisStore({ url: REDIS_URL, keyPrefix: prefix });
    app = makeApp();
    await createPasswordUser(t.d, { id: "member", email: "member@app.test", role: "user" });
    await createPasswordUser(t.d, { id: "u_moe", email: "moe@app.test", role: "moderator" });
  });
  afterAll(async () => {
    await store?.close();
    await deleteKeys(r, prefix);
    await r?.quit();
    await t?.cleanup();
  });

  const signIn = async () => cookieFrom((await app.api.signInEmail({ body: { email: "member@app.test", password: PASSWORD }, headers: new Headers({ "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", "x-forwarded-for": "198.51.100.4" }), returnHeaders: true })).headers);
  const alive = async (cookie: string) => (await app.api.getSession({ headers: new Headers({ cookie }) })) !== null;
  const run = (name: keyof typeof actions, input: unknown) => executeAction(actions[name] as never, depsFor(t.d, staffOf.admin, { store }).deps, input) as Promise<Record<string, number>>;

  it("starts without a session table and says the sessions are in the store", () => {
    expect(t.d.caps.sessionTable).toBe(false);
    expect([...t.d.caps.modules]).toContain("admin");
  });

  it("lists users (no last activity from the database) and refuses what needs the table", async () => {
    const page = await listUsers(t.d, parseUserListParams({ q: "member" }));
    expect(page.rows.map((u) => [u.id, u.lastActiveAt])).toEqual([["member", null]]);
    // Both directions of the last-activity sort (least-active.ts walks session rows there are none of).
    for (const sort of ["-lastActiveAt", "lastActiveAt"]) {
      await expect(listUsers(t.d, parseUserListParams({ sort }))).rejects.toMatchObject({ code: "invalid_request" });
    }
    await expect(listSessions(t.d, parseSessionListParams({}))).rejects.toMatchObject({ code: "conflict" });
  });

  it("shows a user's sessions from Redis without their tokens, and revokes one of them", async () => {
    const [a, b] = [await signIn(), await signIn()];
    const detail = await getUserDetail(t.d, "member", new Date(), store);
    expect(detail?.sessions).toHaveLength(2);
    expect(detail?.sessions[0]).toMatchObject({ ipAddress: "198.51.100.4", active: true });
    expect(detail?.user.lastActiveAt).not.toBeNull();
    const json = JSON.stringify(detail);
    const tokens = await r.keys(`${prefix}*`);
    for (const key of tokens) if (!key.includes("-")) expect(json).not.toContain(key.slice(prefix.length));
    const first = detail?.sessions[0]?.id ?? "";
    expect((await run("session.revoke", { sessionId: first, userId: "member" })).sessionsRevoked).toBe(1);
    expect([await alive(a), await alive(b)].filter(Boolean)).toHaveLength(1);
    await expect(run("session.revoke", { sessionId: first, userId: "member" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("bans: every session in Redis ends and the app refuses the next sign-in", async () => {
    const c = await signIn();
    expect(await alive(c)).toBe(true);
    expect((await run("user.ban", { userId: "member", reason: "spam" })).sessionsRevoked).toBeGreaterThanOrEqual(1);
    expect(await alive(c)).toBe(false);
    await expect(signIn()).rejects.toMatchObject({ body: { code: "BANNED_USER" } });
    await run("user.unban", { userId: "member" });
  });

  it("revokes everyone found in the store but the acting admin", async () => {
    const c = await signIn();
    const { scopeToken } = await previewRevokeAll(t.d, staffOf.admin);
    const result = await run("sessions.revoke.all", { confirm: "REVOKE ALL", scopeToken });
    expect(result.sessionsRevoked).toBeGreaterThanOrEqual(1);
    expect(await alive(c)).toBe(false);
  });

  it("keeps the dashboard's own staff sessions in Redis too", async () => {
    const auth = createDashboardAuth(t.d, {
      secret: "redis-only-secret-0123456789abcdefghijkl", baseUrl: "http://localhost:3000", staffRoleMap, secondaryStorage: redisStorage(r, prefix),
    });
    const res = await auth.api.signInEmail({ body: { email: "moe@app.test", password: PASSWORD }, returnHeaders: true });
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieFrom(res.headers) }) });
    expect(session?.user.email).toBe("moe@app.test");
    await expect(auth.api.signInEmail({ body: { email: "member@app.test", password: PASSWORD } })).rejects.toMatchObject({ body: { code: "INVALID_EMAIL_OR_PASSWORD" } });
  });
});
