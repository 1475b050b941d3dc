import { betterAuth } from "better-auth";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appAuthOptions } from "../lib/db/migrate";
import { createRedisStore, type RedisSessionStore } from "../lib/sessions/redis-store";
import { createTestDb, type TestDb } from "./helpers/db";
import { deleteKeys, REDIS_URL, redisStorage, requireRedisOrSkip, uniquePrefix } from "./helpers/redis";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/*
 * The store layer against real Redis and a real Better Auth configured like an app with
 * `secondaryStorage`: the proof that what the dashboard does logs people out in Better Auth's eyes.
 * Every key lives under a prefix unique to this run and is deleted in afterAll.
 */
const redisUp = await requireRedisOrSkip("redis-store.test");
const runPrefix = uniquePrefix("store");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY = 86_400_000;

describe.skipIf(!redisUp)("Redis session store", () => {
  let r: Redis;
  let t: TestDb;
  beforeAll(async () => {
    r = new Redis(REDIS_URL);
    t = await createTestDb("default", ["admin"]);
  });
  afterAll(async () => {
    if (r) {
      await deleteKeys(r, runPrefix);
      await r.quit();
    }
    await t?.cleanup();
  });

  describe.each([
    { variant: "secondaryStorage only", inDb: false, tag: "a" },
    { variant: "secondaryStorage + storeSessionInDatabase", inDb: true, tag: "b" },
  ])("an app with $variant", ({ inDb, tag }) => {
    const prefix = `${runPrefix}${tag}:`;
    const makeAuth = () => {
      const base = appAuthOptions(t.raw, t.naming, ["admin"]);
      return betterAuth({ ...base, secondaryStorage: redisStorage(r, prefix), session: { ...base.session, storeSessionInDatabase: inDb } });
    };
    let auth: ReturnType<typeof makeAuth>;
    let store: RedisSessionStore;
    beforeAll(() => {
      auth = makeAuth();
      store = createRedisStore({ url: REDIS_URL, keyPrefix: prefix });
    });
    afterAll(async () => store?.close());

    let n = 0;
    async function newUser() {
      const id = `${tag}-user-${++n}`;
      await createPasswordUser(t.d, { id, email: `${id}@app.test`, role: "user" });
      return id;
    }
    async function signIn(userId: string, userAgent = "Mozilla/5.0 test", ip = "203.0.113.7") {
      const res = await auth.api.signInEmail({
        body: { email: `${userId}@app.test`, password: PASSWORD },
        headers: new Headers({ "user-agent": userAgent, "x-forwarded-for": ip }),
        returnHeaders: true,
      });
      return { userId, token: res.response.token, cookie: cookieFrom(res.headers) };
    }
    const signedIn = async (s: { cookie: string }) => (await auth.api.getSession({ headers: new Headers({ cookie: s.cookie }) }))?.user.id ?? null;
    const rowsOf = async (userId: string) => (await t.d.db.selectFrom("session").select("session.token").where("session.userId", "=", userId).execute()).map((s) => s.token);
    const listOf = async (userId: string) => JSON.parse((await r.get(`${prefix}active-sessions-${userId}`)) ?? "[]") as { token: string; expiresAt: number }[];
    /** what the dashboard does besides the store when the app also keeps rows: delete them */
    const deleteRows = async (tokens: string[]) => {
      if (inDb) await t.d.db.deleteFrom("session").where("session.token", "in", tokens).execute();
    };

    it("keeps sessions in the store in the documented format", async () => {
      const u = await newUser();
      const [s1, s2] = [await signIn(u), await signIn(u)];
      expect(await signedIn(s1)).toBe(u);
      expect(await signedIn(s2)).toBe(u);
      const stored = JSON.parse((await r.get(prefix + s1.token)) ?? "null");
      expect(stored).toMatchObject({ session: { userId: u, token: s1.token, createdAt: expect.any(String) }, user: { id: u } });
      expect(await r.ttl(prefix + s1.token)).toBeGreaterThan(7 * 86_400 - 60);
      const list = await listOf(u);
      expect(list.map((e) => e.token).sort()).toEqual([s1.token, s2.token].sort());
      expect(list[0]?.expiresAt).toBeGreaterThan(Date.now() + 6 * DAY);
      // (a): Better Auth never writes the table; (b): it writes both
      expect((await rowsOf(u)).length).toBe(inDb ? 2 : 0);
    });

    it.runIf(inDb)("needs both the row and the store to go: each alone leaves the user signed in", async () => {
      const u = await newUser();
      const [s1, s2] = [await signIn(u), await signIn(u)];
      await t.d.db.deleteFrom("session").where("session.token", "=", s1.token).execute();
      expect(await signedIn(s1)).toBe(u); // read from the store first
      await store.removeSessions([s2]);
      expect(await signedIn(s2)).toBe(u); // token key gone: Better Auth falls back to the row
      await store.removeSessions([s1]);
      await deleteRows([s2.token]);
      expect(await signedIn(s1)).toBeNull();
      expect(await signedIn(s2)).toBeNull();
    });

    it("lists a user's live sessions with ip, user agent and expiry", async () => {
      const u = await newUser();
      const s1 = await signIn(u, "Agent-One", "198.51.100.1");
      const s2 = await signIn(u, "Agent-Two", "198.51.100.2");
      const sessions = await store.listUserSessions(u);
      expect(sessions.map((s) => s.token).sort()).toEqual([s1.token, s2.token].sort());
      const one = sessions.find((s) => s.token === s1.token);
      expect(one).toMatchObject({ userId: u, ipAddress: "198.51.100.1", userAgent: "Agent-One", impersonatedBy: null });
      expect(one?.id).toEqual(expect.any(String));
      expect(one?.createdAt).toBeInstanceOf(Date);
      expect(one?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
      if (inDb) {
        const row = await t.d.db.selectFrom("session").select("session.id").where("session.token", "=", s1.token).executeTakeFirst();
        expect(one?.id).toBe(row?.id);
      }
      expect(await store.listUserSessions("nobody")).toEqual([]);
    });

    it("removes one session and keeps the other; removing again is harmless", async () => {
      const u = await newUser();
      const [s1, s2] = [await signIn(u), await signIn(u)];
      expect(await store.removeSessions([s1])).toEqual({ removed: 1 });
      await deleteRows([s1.token]);
      expect(await signedIn(s1)).toBeNull();
      expect(await signedIn(s2)).toBe(u);
      expect((await listOf(u)).map((e) => e.token)).toEqual([s2.token]);
      expect((await store.listUserSessions(u)).map((s) => s.token)).toEqual([s2.token]);
      expect(await store.removeSessions([s1])).toEqual({ removed: 0 });
      expect(await signedIn(s2)).toBe(u);
      // the last one deletes the list, as Better Auth does for an empty list
      await store.removeSessions([s2]);
      await deleteRows([s2.token]);
      expect(await r.exists(`${prefix}active-sessions-${u}`)).toBe(0);
      expect(await signedIn(s2)).toBeNull();
    });

    it("prunes on the server, so a sign-in after the dashboard read the list is kept", async () => {
      const u = await newUser();
      const s1 = await signIn(u);
      const seen = await store.listUserSessions(u);
      const s2 = await signIn(u); // lands between the dashboard's read and its revoke
      await store.removeSessions(seen);
      await deleteRows([s1.token]);
      expect((await listOf(u)).map((e) => e.token)).toEqual([s2.token]);
      expect(await signedIn(s2)).toBe(u);
      expect((await store.listUserSessions(u)).map((s) => s.token)).toEqual([s2.token]);
    });

    it("revokes every session of a user; sign-ins after it still work; revoking again is harmless", async () => {
      const u = await newUser();
      const [s1, s2] = [await signIn(u), await signIn(u)];
      await sleep(5);
      const at = new Date();
      expect(await store.revokeUsers([u], at)).toEqual({ removed: 2 });
      await deleteRows(await rowsOf(u));
      expect(await signedIn(s1)).toBeNull();
      expect(await signedIn(s2)).toBeNull();
      expect(await r.get(`${prefix}revoked-sessions-before-${u}`)).toBe(String(at.getTime()));
      expect(await r.ttl(`${prefix}revoked-sessions-before-${u}`)).toBeGreaterThan(6 * 86_400);
      expect(await r.exists(`${prefix}active-sessions-${u}`, prefix + s1.token, prefix + s2.token)).toBe(0);

      const s3 = await signIn(u);
      expect(await signedIn(s3)).toBe(u);
      expect(await store.revokeUsers([u], at)).toEqual({ removed: 1 }); // s3 is listed, so it goes too, as in Better Auth
      await deleteRows([s3.token]);
      expect(await signedIn(s3)).toBeNull();
      expect(await store.revokeUsers([u], new Date(at.getTime() - 60_000))).toEqual({ removed: 0 });
      // the marker never moves back
      expect(await r.get(`${prefix}revoked-sessions-before-${u}`)).toBe(String(at.getTime()));
      const s4 = await signIn(u);
      expect(await signedIn(s4)).toBe(u);
      expect((await store.listUserSessions(u)).map((s) => s.token)).toEqual([s4.token]);
    });

    it("ends, through revoked-sessions-before, a session its active list had lost", async () => {
      const u = await newUser();
      const [lost, kept] = [await signIn(u), await signIn(u)];
      // e.g. Better Auth's own non-atomic list rewrite raced and dropped a reference
      const list = (await listOf(u)).filter((e) => e.token !== lost.token);
      await r.set(`${prefix}active-sessions-${u}`, JSON.stringify(list), "EX", 3600);
      await sleep(5);
      await store.revokeUsers([u], new Date());
      await deleteRows([kept.token]); // (b) keeps `lost`'s row: the token key is still there, so the marker decides
      expect(await r.exists(prefix + lost.token)).toBe(1);
      expect(await signedIn(lost)).toBeNull();
      expect(await signedIn(kept)).toBeNull();
      expect(await store.listUserSessions(u)).toEqual([]);
    });

    it("leaves the store as Better Auth's own deleteUserSessions does", async () => {
      const shape = async (userId: string, tokens: string[]) => ({
        list: await r.exists(`${prefix}active-sessions-${userId}`),
        tokens: await r.exists(...tokens.map((k) => prefix + k)),
        marker: /^\d+$/.test((await r.get(`${prefix}revoked-sessions-before-${userId}`)) ?? ""),
        markerTtl: (await r.ttl(`${prefix}revoked-sessions-before-${userId}`)) >= 86_400,
      });
      const [byAuth, byUs] = [await newUser(), await newUser()];
      const a = [await signIn(byAuth), await signIn(byAuth)];
      const b = [await signIn(byUs), await signIn(byUs)];
      await (await auth.$context).internalAdapter.deleteUserSessions(byAuth);
      await store.revokeUsers([byUs], new Date());
      await deleteRows(b.map((s) => s.token));
      const expected = await shape(byAuth, a.map((s) => s.token));
      expect(expected).toEqual({ list: 0, tokens: 0, marker: true, markerTtl: true });
      expect(await shape(byUs, b.map((s) => s.token))).toEqual(expected);
      expect(await rowsOf(byAuth)).toEqual(await rowsOf(byUs));
    });
  });

  describe("at scale", () => {
    const prefix = `${runPrefix}bulk:`;
    const USERS = 2_000;
    let store: RedisSessionStore;
    beforeAll(() => {
      store = createRedisStore({ url: REDIS_URL, keyPrefix: prefix, batchSize: 1_000 });
    });
    afterAll(async () => store?.close());

    /** USERS × 2 sessions, written in Better Auth's format in a few pipelines. */
    async function writeSessions(tag: string) {
      const now = Date.now();
      const users = Array.from({ length: USERS }, (_, i) => ({
        id: `${tag}-${i}`,
        sessions: [0, 1].map((k) => ({ token: `${tag}-tok-${i}-${k}`, expiresAt: now + DAY + k })),
      }));
      const p = r.pipeline();
      for (const u of users) {
        for (const s of u.sessions) {
          const session = { id: `${s.token}-id`, userId: u.id, token: s.token, expiresAt: new Date(s.expiresAt), createdAt: new Date(now - 1_000), updatedAt: new Date(now - 1_000), ipAddress: "", userAgent: "" };
          p.set(prefix + s.token, JSON.stringify({ session, user: { id: u.id } }), "EX", 86_400);
        }
        p.set(`${prefix}active-sessions-${u.id}`, JSON.stringify(u.sessions), "EX", 86_400);
      }
      await p.exec();
      return users;
    }
    const countExisting = async (keys: string[]) => {
      const p = r.pipeline();
      for (const k of keys) p.exists(k);
      return ((await p.exec()) ?? []).reduce((sum, [, v]) => sum + Number(v), 0);
    };

    it("revokes 2,000 users × 2 sessions in a bounded number of round trips", async () => {
      const users = await writeSessions("rv");
      const before = { ...store.stats };
      expect(await store.revokeUsers(users.map((u) => u.id), new Date())).toEqual({ removed: USERS * 2 });
      // per 1,000 users: one pipeline of scripts, one of DELs
      expect(store.stats.roundTrips - before.roundTrips).toBeLessThanOrEqual(4);
      const tokens = users.flatMap((u) => u.sessions.map((s) => prefix + s.token));
      expect(await countExisting(tokens)).toBe(0);
      expect(await countExisting(users.map((u) => `${prefix}active-sessions-${u.id}`))).toBe(0);
      expect(await countExisting(users.map((u) => `${prefix}revoked-sessions-before-${u.id}`))).toBe(USERS);
      const again = { ...store.stats };
      expect(await store.revokeUsers(users.map((u) => u.id), new Date())).toEqual({ removed: 0 });
      expect(store.stats.roundTrips - again.roundTrips).toBeLessThanOrEqual(2);
    });

    it("removes one session of each of 2,000 users in a bounded number of round trips", async () => {
      const users = await writeSessions("rm");
      const before = { ...store.stats };
      const first = users.map((u) => ({ userId: u.id, token: u.sessions[0]!.token }));
      expect(await store.removeSessions(first)).toEqual({ removed: USERS });
      expect(store.stats.roundTrips - before.roundTrips).toBeLessThanOrEqual(2);
      expect(await countExisting(first.map((s) => prefix + s.token))).toBe(0);
      expect(await countExisting(users.map((u) => prefix + u.sessions[1]!.token))).toBe(USERS);
      const sample = users[7]!;
      expect(JSON.parse((await r.get(`${prefix}active-sessions-${sample.id}`)) ?? "[]")).toEqual([sample.sessions[1]]);
      expect(await store.removeSessions(first)).toEqual({ removed: 0 });
    });

    it("finds every user with an active-sessions list, each once", async () => {
      const scanPrefix = `${runPrefix}scan*[x]:`; // glob characters in the app's prefix must not match other keys
      const scanStore = createRedisStore({ url: REDIS_URL, keyPrefix: scanPrefix, batchSize: 500 });
      const p = r.pipeline();
      for (let i = 0; i < 1_200; i++) p.set(`${scanPrefix}active-sessions-s-${i}`, "[]", "EX", 3600);
      p.set(`${runPrefix}scanZZx:active-sessions-intruder`, "[]", "EX", 3600); // matches if unescaped
      await p.exec();
      const seen: string[] = [];
      const sizes: number[] = [];
      await scanStore.scanUserIds(async (ids) => {
        sizes.push(ids.length);
        seen.push(...ids);
      });
      await scanStore.close();
      expect(seen).toHaveLength(1_200);
      expect(new Set(seen)).toEqual(new Set(Array.from({ length: 1_200 }, (_, i) => `s-${i}`)));
      expect(Math.max(...sizes)).toBeLessThanOrEqual(500); // delivered in batches of batchSize
    });

    it("leaves values it cannot parse alone", async () => {
      await r.set(`${prefix}active-sessions-odd`, "not json", "EX", 60);
      expect(await store.removeSessions([{ userId: "odd", token: "t" }])).toEqual({ removed: 0 });
      expect(await r.get(`${prefix}active-sessions-odd`)).toBe("not json");
      expect(await store.listUserSessions("odd")).toEqual([]);
    });
  });
});
