import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNaming } from "../lib/db/naming";
import { type Database, openDatabase } from "../lib/db/open";
import { cachedReadiness, checkReadiness, type Verdict } from "../lib/http/readiness";
import { createRedisStore } from "../lib/sessions/redis-store";
import { createTestDb, type TestDb } from "./helpers/db";
import { REDIS_URL, requireRedisOrSkip } from "./helpers/redis";
import { startTcpProxy } from "./helpers/tcp-proxy";

type Route = () => Response | Promise<Response>;

/** A port nothing listens on: bound, then released. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const withPort = (url: string, port: number) => {
  const u = new URL(url);
  u.host = `127.0.0.1:${port}`;
  return u.toString();
};

/** Nothing in a probe's body may help an attacker: no URL, host, port, schema or table name, version. */
function expectNothingSensitive(body: string, ...secrets: (string | number)[]) {
  for (const s of [...secrets, "postgres", "127.0.0.1", "localhost", "PostgreSQL", "redis://"]) expect(body).not.toContain(String(s));
  expect(body).not.toMatch(/\d+\.\d+\.\d+/); // no version strings
}

/**
 * GET /api/health and GET /api/ready through the real route handlers, against the real Postgres
 * (directly and through a TCP proxy the test closes), a real Redis and a port nothing listens on.
 */
describe("health and readiness routes", () => {
  let t: TestDb;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let ready: Route;
  let health: Route;

  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    const target = new URL(t.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    Object.assign(process.env, {
      DATABASE_URL: withPort(t.url, proxy.port),
      AUTH_DB_SCHEMA: t.schema,
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
      READY_TIMEOUT_MS: "1500",
      READY_CACHE_MS: "400",
      BETTER_AUTH_SECRET: "ready-test-secret-ready-test-secret-0123456",
      BETTER_AUTH_URL: "http://localhost:3000",
    });
    delete process.env.REDIS_URL;
    ready = (await import("../app/api/ready/route")).GET as Route;
    health = (await import("../app/api/health/route")).GET as Route;
  });
  afterAll(async () => {
    const { getDatabase } = await import("../lib/db");
    await (await getDatabase().catch(() => null))?.close();
    await proxy?.close().catch(() => {});
    await t?.cleanup();
  });

  const probe = async (route: Route) => {
    const started = Date.now();
    const res = await route();
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text), ms: Date.now() - started, cache: res.headers.get("cache-control") };
  };

  it("ready: 200 with the database up, no session, nothing sensitive in the body", async () => {
    const r = await probe(ready);
    expect(r).toMatchObject({ status: 200, body: { status: "ready", checks: { database: "ok" } }, cache: "no-store" });
    expectNothingSensitive(r.text, t.schema, proxy.port);
  });

  it("ready: 503 'warming' while the warm start still requests the pages, with the checks that passed; 200 after", async () => {
    const { warmingBegan, warmingEnded } = await import("../lib/http/warming");
    warmingBegan();
    try {
      const r = await probe(ready);
      expect(r).toMatchObject({ status: 503, body: { status: "warming", checks: { database: "ok" } }, cache: "no-store" });
    } finally {
      warmingEnded();
    }
    expect(await probe(ready)).toMatchObject({ status: 200, body: { status: "ready" } });
  });

  it("database gone: 503 within the bound, then 200 again once it is back (after the cache window)", async () => {
    await proxy.close(); // the port now refuses, and open connections are cut
    await new Promise((r) => setTimeout(r, 450)); // past READY_CACHE_MS
    const r = await probe(ready);
    console.log(`[ready] database port closed: ${r.status} in ${r.ms} ms: ${r.text}`);
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ status: "unavailable", checks: { database: "unreachable" } });
    expect(r.ms).toBeLessThan(2_500);
    expectNothingSensitive(r.text, t.schema, proxy.port);
    // health never touches the database: still 200
    expect(await probe(health)).toMatchObject({ status: 200, body: { status: "ok" } });

    await proxy.reopen();
    await new Promise((r) => setTimeout(r, 450));
    expect((await probe(ready)).status).toBe(200);
  });

  it("a stalled database (accepts, never answers) is a 503 'timeout' within READY_TIMEOUT_MS", async () => {
    proxy.setMode("stall");
    proxy.dropAll();
    try {
      await new Promise((r) => setTimeout(r, 450));
      const r = await probe(ready);
      console.log(`[ready] stalled database: ${r.status} in ${r.ms} ms: ${r.text}`);
      expect(r.status).toBe(503);
      expect(["timeout", "unreachable"]).toContain(r.body.checks.database);
      expect(r.ms).toBeLessThan(2_500);
    } finally {
      proxy.setMode("forward");
    }
  });
});

describe("checkReadiness with real dependencies", () => {
  let t: TestDb;
  let redisUp = false;
  let d: Database | undefined;
  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    redisUp = await requireRedisOrSkip("ready.test.ts");
  });
  afterAll(async () => {
    await d?.close();
    await t?.cleanup();
  });
  const open = (naming = t.naming, url = t.url) => () => openDatabase({ url, naming, poolMax: 1, statementTimeoutMs: 5_000, connectTimeoutMs: 1_000 });

  it("a name mapping that does not match the database is 'schema_mismatch', with no table name in it", async () => {
    const wrong = createNaming({ schema: t.schema, casing: "snake", usePlural: true, models: { user: { modelName: "members_xyz" } } });
    const v = await checkReadiness({ getDatabase: open(wrong), store: null, timeoutMs: 3_000 });
    expect(v).toEqual({ ready: false, checks: { database: "schema_mismatch" } });
    expect(JSON.stringify(v)).not.toContain("members_xyz");
  });

  it("a database port nothing listens on is 'unreachable'", async () => {
    const v = await checkReadiness({ getDatabase: open(t.naming, withPort(t.url, await deadPort())), store: null, timeoutMs: 3_000 });
    expect(v).toEqual({ ready: false, checks: { database: "unreachable" } });
  });

  it("Redis, when configured: a live one is ok, a dead port makes the instance not ready", async (ctx) => {
    if (!redisUp) ctx.skip();
    const db = await open()();
    d = db;
    const live = createRedisStore({ url: REDIS_URL, timeoutMs: 1_000 });
    const dead = createRedisStore({ url: `redis://127.0.0.1:${await deadPort()}`, timeoutMs: 500 });
    try {
      expect(await checkReadiness({ getDatabase: async () => db, store: live, timeoutMs: 2_000 })).toEqual({ ready: true, checks: { database: "ok", redis: "ok" } });
      const started = Date.now();
      const v = await checkReadiness({ getDatabase: async () => db, store: dead, timeoutMs: 2_000 });
      expect(v).toEqual({ ready: false, checks: { database: "ok", redis: "unreachable" } });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await live.close();
      await dead.close();
    }
  });

  it("the verdict is computed once per window, however many probes arrive", async () => {
    const db = d ?? (await open()());
    d = db;
    let computed = 0;
    let clock = 0;
    const probe = cachedReadiness(
      () => {
        computed++;
        return checkReadiness({ getDatabase: async () => db, store: null, timeoutMs: 2_000 });
      },
      1_000,
      () => clock,
    );
    const verdicts: Verdict[] = await Promise.all(Array.from({ length: 20 }, () => probe()));
    expect(verdicts.every((v) => v.ready)).toBe(true);
    clock = 999;
    await probe();
    expect(computed).toBe(1);
    clock = 2_500;
    await probe();
    expect(computed).toBe(2);
  });
});
