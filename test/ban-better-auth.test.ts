import { betterAuth } from "better-auth";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { appAuthOptions } from "../lib/db/migrate";
import { createRedisStore, type RedisSessionStore } from "../lib/sessions/redis-store";
import { depsFor, staffOf } from "./helpers/actions";
import { createTestDb, type TestDb } from "./helpers/db";
import { deleteKeys, REDIS_URL, redisStorage, requireRedisOrSkip, uniquePrefix } from "./helpers/redis";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * The dashboard's moderation against the app's OWN Better Auth (admin plugin), configured three
 * ways: sessions in the database, only in Redis, in Redis and the database. After a ban the app must
 * refuse the user's existing sessions and new sign-ins; after a role change it must see the new role.
 */
const redisUp = await requireRedisOrSkip("ban-better-auth.test");

const variants = [
  { name: "database sessions", redis: false, inDb: true },
  { name: "sessions only in Redis", redis: true, inDb: false },
  { name: "sessions in Redis and the database", redis: true, inDb: true },
].filter((v) => redisUp || !v.redis);

describe.each(variants)("moderation seen by the app's Better Auth ($name)", ({ redis, inDb }) => {
  let t: TestDb;
  let r: Redis | undefined;
  let store: RedisSessionStore | null = null;
  const prefix = uniquePrefix("ban");
  let auth: ReturnType<typeof makeAuth>;
  function makeAuth() {
    const base = appAuthOptions(t.raw, t.naming, ["admin"], { rateLimit: { enabled: false } });
    return betterAuth({
      ...base,
      ...(r ? { secondaryStorage: redisStorage(r, prefix) } : {}),
      session: { ...base.session, ...(redis ? { storeSessionInDatabase: inDb } : {}) },
    });
  }

  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed", ["admin"]);
    if (redis) {
      r = new Redis(REDIS_URL);
      store = createRedisStore({ url: REDIS_URL, keyPrefix: prefix });
    }
    auth = makeAuth();
    await createPasswordUser(t.d, { id: "target", email: "target@app.test", role: "user,moderator" });
  });
  afterAll(async () => {
    await store?.close();
    if (r) {
      await deleteKeys(r, prefix);
      await r.quit();
    }
    await t?.cleanup();
  });

  const signIn = async () => {
    const res = await auth.api.signInEmail({ body: { email: "target@app.test", password: PASSWORD }, returnHeaders: true });
    return cookieFrom(res.headers);
  };
  const sessionOf = (cookie: string) => auth.api.getSession({ headers: new Headers({ cookie }) });
  const act = (name: keyof typeof actions, input: unknown) =>
    executeAction(actions[name] as never, depsFor(t.d, staffOf.admin, { store }).deps, input) as Promise<Record<string, number>>;

  it("ends existing sessions and refuses new sign-ins after a ban; an unban lets the user back", async () => {
    const [a, b] = [await signIn(), await signIn()];
    expect((await sessionOf(a))?.user.id).toBe("target");
    expect((await sessionOf(b))?.user.id).toBe("target");
    const result = await act("user.ban", { userId: "target", reason: "spam", duration: "1d" });
    expect(result.sessionsRevoked).toBe(2);
    expect(await sessionOf(a)).toBeNull();
    expect(await sessionOf(b)).toBeNull();
    await expect(signIn()).rejects.toMatchObject({ body: { code: "BANNED_USER" } });
    await act("user.unban", { userId: "target" });
    expect((await sessionOf(await signIn()))?.user.id).toBe("target");
  });

  it("signs the user out everywhere, and a single session alone", async () => {
    const [a, b] = [await signIn(), await signIn()];
    const id = (await sessionOf(a))?.session.id;
    if (inDb && id) {
      await act("session.revoke", { sessionId: id });
      expect(await sessionOf(a)).toBeNull();
      expect((await sessionOf(b))?.user.id).toBe("target");
    }
    await act("user.sessions.revoke", { userId: "target" });
    expect(await sessionOf(a)).toBeNull();
    expect(await sessionOf(b)).toBeNull();
  });

  it("shows a role change to the app on its existing sessions", async () => {
    const cookie = await signIn();
    expect((await sessionOf(cookie))?.user).toMatchObject({ role: "user,moderator" });
    await act("user.setRole", { userId: "target", role: "user" });
    expect((await sessionOf(cookie))?.user).toMatchObject({ role: "user" });
  });
});
