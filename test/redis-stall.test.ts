import { sql } from "kysely";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { createRedisStore, type RedisSessionStore } from "../lib/sessions/redis-store";
import type { SessionStore } from "../lib/sessions/store";
import { depsFor, staffOf } from "./helpers/actions";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures } from "./helpers/fixtures";
import { deleteKeys, REDIS_URL, requireRedisOrSkip, uniquePrefix } from "./helpers/redis";
import { startTcpProxy } from "./helpers/tcp-proxy";
import { createDashboardAuth } from "../lib/auth/create-auth";
import { expectedError } from "../lib/errors";
import { redisSecondaryStorage } from "../lib/sessions/secondary-storage";
import { staffRoleMap } from "./helpers/actions";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

const up = await requireRedisOrSkip("redis-stall.test.ts");
const TIMEOUT = 300; // REDIS_TIMEOUT_MS for this file
const HUNG = 8_000; // what we call a hang (the old code waited 151 s)

/**
 * A REAL Redis behind a TCP proxy that can start swallowing bytes without closing the connection
 * (the failure that once held a ban's transaction and row lock for 151 s). The dashboard's store
 * must answer 503 within its timeout, leave the database unchanged and the row unlocked.
 */
describe.skipIf(!up)("a Redis that stops answering", () => {
  let t: TestDb;
  let r: Redis;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let store: RedisSessionStore;
  const prefix = uniquePrefix("stall");
  const USER = "u_bob";
  const TOKEN = "tok_stall_bob";

  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    await insertFixtures(t.d);
    r = new Redis(REDIS_URL);
    const target = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    store = createRedisStore({ url: `redis://127.0.0.1:${proxy.port}`, keyPrefix: prefix, timeoutMs: TIMEOUT });
  });
  afterAll(async () => {
    proxy?.setMode("forward");
    await store?.close();
    await proxy?.close();
    if (r) {
      await deleteKeys(r, prefix);
      r.disconnect();
    }
    await t?.cleanup();
  });
  beforeEach(async () => {
    proxy.setMode("forward");
    // bob: not banned, one session row, and the same session in the store as Better Auth keeps it
    await t.d.db.updateTable("user").set({ banned: false, banReason: null, banExpires: null }).where("user.id", "=", USER).execute();
    await t.d.db.deleteFrom("session").where("session.userId", "=", USER).execute();
    const now = Date.now();
    await t.d.db.insertInto("session").values({
      id: "s_stall", userId: USER, token: TOKEN, ipAddress: null, userAgent: null, createdAt: new Date(now - 60_000), updatedAt: new Date(now), expiresAt: new Date(now + 3_600_000),
    }).execute();
    await r.set(prefix + TOKEN, JSON.stringify({ session: { id: "s_stall", userId: USER, token: TOKEN, expiresAt: new Date(now + 3_600_000).toISOString(), createdAt: new Date(now - 60_000).toISOString() }, user: { id: USER } }), "PX", 3_600_000);
    await r.set(`${prefix}active-sessions-${USER}`, JSON.stringify([{ token: TOKEN, expiresAt: now + 3_600_000 }]), "PX", 3_600_000);
    await r.del(`${prefix}revoked-sessions-before-${USER}`);
  });

  /** Ban bob through executeAction with `s` as the store; time it; never wait longer than HUNG. */
  async function ban(s: SessionStore) {
    const { deps } = depsFor(t.d, staffOf.moderator, { store: s });
    const started = Date.now();
    const outcome = await Promise.race([
      executeAction(actions["user.ban"] as never, deps, { userId: USER, reason: "spam" }).then(
        () => ({ ok: true as const }),
        (err: { code?: string; message?: string }) => ({ ok: false as const, code: err.code, message: err.message }),
      ),
      new Promise<{ ok: false; code: "hung" }>((resolve) => setTimeout(() => resolve({ ok: false, code: "hung" }), HUNG)),
    ]);
    return { ...outcome, ms: Date.now() - started };
  }
  const bob = () => t.d.db.selectFrom("user").select(["user.banned"]).where("user.id", "=", USER).executeTakeFirstOrThrow();
  const sessionRows = async () => (await t.d.db.selectFrom("session").select("session.id").where("session.userId", "=", USER).execute()).length;
  /** The row is free: another writer gets it at once (lock_timeout), not after the stalled action. */
  const rowIsFree = () =>
    t.d.db.connection().execute(async (c) => {
      await sql`set lock_timeout = 500`.execute(c);
      try {
        await sql`select 1 from ${sql.id(t.schema, "user")} where id = ${USER} for update`.execute(c);
        return true;
      } catch {
        return false;
      } finally {
        await sql`set lock_timeout = 0`.execute(c);
      }
    });

  it("works through the proxy when Redis answers", async () => {
    const res = await ban(store);
    expect(res).toMatchObject({ ok: true });
    expect(await r.exists(prefix + TOKEN)).toBe(0);
  });

  it("stalled before the action: 503 'nothing was changed' within the timeout, before any row is locked", async () => {
    proxy.setMode("stall");
    const res = await ban(store);
    proxy.setMode("forward");
    console.log(`[redis-stall] stalled before: ${JSON.stringify(res)}`);
    expect(res).toMatchObject({ ok: false, code: "unavailable", message: expect.stringMatching(/did not answer; nothing was changed/) });
    expect(res.ms).toBeLessThan(TIMEOUT * 4);
    expect(await bob()).toMatchObject({ banned: false });
    expect(await sessionRows()).toBe(1);
    expect(await r.exists(prefix + TOKEN)).toBe(1);
    expect(await rowIsFree()).toBe(true);
  });

  it("stalled inside the transaction: the bounded command fails it and it rolls back at once", async () => {
    // PING answers, then Redis goes silent: the first store call inside the transaction stalls.
    const stallAfterPing: SessionStore = { ...store, ping: async () => { await store.ping(); proxy.setMode("stall"); } };
    const res = await ban(stallAfterPing);
    proxy.setMode("forward");
    console.log(`[redis-stall] stalled inside: ${JSON.stringify(res)}`);
    expect(res).toMatchObject({ ok: false, code: "unavailable", message: expect.stringMatching(/nothing was changed/) });
    expect(res.ms).toBeLessThan(TIMEOUT * 6);
    expect(await bob()).toMatchObject({ banned: false });
    expect(await sessionRows()).toBe(1); // the session delete rolled back with the ban
    expect(await rowIsFree()).toBe(true);
  });

  it("stalled after some keys went: the 503 says users were already signed out (the safe direction)", async () => {
    // removeSessions (token DEL + list prune) completes, then Redis goes silent before revokeUsers.
    const stallMidway: SessionStore = {
      ...store,
      removeSessions: async (s) => {
        const out = await store.removeSessions(s);
        proxy.setMode("stall");
        return out;
      },
    };
    const res = await ban(stallMidway);
    proxy.setMode("forward");
    console.log(`[redis-stall] stalled midway: ${JSON.stringify(res)}`);
    expect(res).toMatchObject({ ok: false, code: "unavailable", message: expect.stringMatching(/already signed out/) });
    expect(await bob()).toMatchObject({ banned: false });
    expect(await sessionRows()).toBe(1);
    expect(await r.exists(prefix + TOKEN)).toBe(0); // signed out in the store, rows unchanged
    // re-running once Redis answers completes the ban
    expect(await ban(store)).toMatchObject({ ok: true });
    expect(await bob()).toMatchObject({ banned: true });
  });

  it("the staff check over a silent Redis (staff sessions in the store) is a bounded 503, not 'signed out'", async () => {
    await createPasswordUser(t.d, { id: "stall_admin", email: "stall-admin@corp.test", role: "admin" });
    const auth = createDashboardAuth(t.d, {
      secret: "stall-test-secret-stall-test-secret-0123456789",
      baseUrl: "http://localhost:3000",
      staffRoleMap,
      secondaryStorage: redisSecondaryStorage(`redis://127.0.0.1:${proxy.port}`, prefix, TIMEOUT),
    });
    const signedIn = await auth.api.signInEmail({ body: { email: "stall-admin@corp.test", password: PASSWORD }, returnHeaders: true });
    const headers = new Headers({ cookie: cookieFrom(signedIn.headers) });
    expect((await auth.api.getSession({ headers }))?.user.id).toBe("stall_admin");
    proxy.setMode("stall");
    const started = Date.now();
    const err = await auth.api.getSession({ headers }).then(() => null, (e: unknown) => e);
    const ms = Date.now() - started;
    proxy.setMode("forward");
    console.log(`[redis-stall] getSession over a silent Redis: ${err ? "threw" : "returned"} in ${ms} ms`);
    // Better Auth throws (it does not report "no session", which would send staff to sign in again)
    expect(expectedError(err)).toMatchObject({ code: "unavailable", status: 503 });
    expect(ms).toBeLessThan(TIMEOUT * 4);
  });

  it("a Redis that is gone (port closed) fails fast too", async () => {
    await proxy.close();
    try {
      const res = await ban(store);
      console.log(`[redis-stall] port closed: ${JSON.stringify(res)}`);
      expect(res).toMatchObject({ ok: false, code: "unavailable" });
      expect(res.ms).toBeLessThan(TIMEOUT * 4);
      expect(await bob()).toMatchObject({ banned: false });
    } finally {
      await proxy.reopen();
    }
  });
});
