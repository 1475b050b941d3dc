import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AppError, expectedError, isUnavailable, UNAVAILABLE_DIGEST } from "../lib/errors";
import { createTestDb, type TestDb } from "./helpers/db";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";
import { startTcpProxy } from "./helpers/tcp-proxy";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("which errors mean 'the database is unavailable'", () => {
  it("recognises connection failures through Better Auth's and Node's wrappers, and nothing else", () => {
    const refused = Object.assign(new AggregateError([Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })]), { code: "ECONNREFUSED" });
    const wrapped = Object.assign(new Error("Failed to get session"), { cause: new Error("Connection terminated unexpectedly") });
    expect(isUnavailable(refused)).toBe(true);
    expect(isUnavailable(wrapped)).toBe(true);
    expect(isUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(expectedError(Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }) }))?.code).toBe("timeout");
    expect(expectedError(new AppError("conflict", "x"))?.status).toBe(409);
    expect(expectedError(new Error("a bug"))).toBeNull();
    // the staff check with staff sessions in Redis: Better Auth wraps ioredis's timeout
    expect(expectedError(Object.assign(new Error("Failed to get session"), { cause: new Error("Command timed out") }))).toMatchObject({ code: "unavailable", message: expect.stringMatching(/Redis/) });
  });
});

/**
 * A dead or stalled database must give a quick 503 with the usual error shape, through the real
 * route handlers, the real Better Auth instance (whose getSession wraps the driver's error) and the
 * real pg pool: the dashboard talks to Postgres through a TCP proxy the test can stall or close.
 */
describe("database outage through the real API routes", () => {
  let t: TestDb;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let listRoute: Handler;
  let banRoute: Handler;
  let cookie = "";
  const appName = `outage_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    await createPasswordUser(t.d, { id: "out_admin", email: "admin@out.test", role: "admin" });
    await createPasswordUser(t.d, { id: "out_user", email: "user@out.test", role: "user" });
    const target = new URL(t.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(t.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    viaProxy.searchParams.set("application_name", appName); // so the test can find its own backends
    Object.assign(process.env, {
      DATABASE_URL: viaProxy.toString(),
      AUTH_DB_SCHEMA: t.schema,
      DATABASE_CONNECT_TIMEOUT_MS: "1500",
      DATABASE_STATEMENT_TIMEOUT_MS: "1000",
      BETTER_AUTH_SECRET: "outage-test-secret-outage-test-secret-0123",
      BETTER_AUTH_URL: "http://localhost:3000",
    });
    listRoute = (await import("../app/api/v1/users/route")).GET as unknown as Handler;
    banRoute = (await import("../app/api/v1/users/[id]/ban/route")).POST as unknown as Handler;
    const { getAuth } = await import("../lib/auth");
    const res = await (await getAuth()).api.signInEmail({ body: { email: "admin@out.test", password: PASSWORD }, returnHeaders: true });
    cookie = cookieFrom(res.headers);
  });
  afterAll(async () => {
    proxy?.setMode("forward");
    const { getDatabase } = await import("../lib/db");
    await (await getDatabase().catch(() => null))?.close();
    await proxy?.close();
    await t?.cleanup();
  });

  const list = async () => {
    const started = Date.now();
    const res = await listRoute(new Request("http://localhost:3000/api/v1/users?limit=5", { headers: { cookie } }), { params: Promise.resolve({}) });
    return { status: res.status, body: (await res.json()) as any, ms: Date.now() - started };
  };
  const ban = async () => {
    const started = Date.now();
    const res = await banRoute(
      new Request("http://localhost:3000/api/v1/users/out_user/ban", { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ reason: "spam" }) }),
      { params: Promise.resolve({ id: "out_user" }) },
    );
    return { status: res.status, body: (await res.json()) as any, ms: Date.now() - started };
  };

  it("answers normally through the proxy", async () => {
    expect((await list()).status).toBe(200);
  });

  it("a stalled database (connections accepted, never answered) is a 503 within the connect timeout", async () => {
    proxy.setMode("stall");
    proxy.dropAll(); // the pool's idle connections die, as they would in a restart; new ones hang
    try {
      const r = await list();
      console.log(`[outage] stalled DB: GET /api/v1/users → ${r.status} in ${r.ms} ms`);
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/database is unavailable/) } });
      expect(r.ms).toBeLessThan(6_000);
      const b = await ban();
      console.log(`[outage] stalled DB: POST ban → ${b.status} in ${b.ms} ms`);
      expect(b.status).toBe(503);
      expect(b.body.error.code).toBe("unavailable");
    } finally {
      proxy.setMode("forward");
    }
    expect((await list()).status).toBe(200); // and it recovers by itself
  });

  it("a closed port (ECONNREFUSED) is a 503, not a 500 and not a sign-in loop", async () => {
    await proxy.close();
    try {
      const r = await list();
      console.log(`[outage] closed port: GET /api/v1/users → ${r.status} in ${r.ms} ms`);
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe("unavailable");
      // what pages see (requireStaff → checkStaff): an "unavailable" error carrying the digest the
      // error boundary recognises in production, not "anonymous" (which would redirect to sign-in)
      const { checkStaff } = await import("../lib/auth/staff");
      await expect(checkStaff(new Headers({ cookie }))).rejects.toMatchObject({ code: "unavailable", digest: UNAVAILABLE_DIGEST });
    } finally {
      await proxy.reopen();
    }
    expect((await list()).status).toBe(200);
  });

  // The embedded engine (PGlite) is one session behind a socket: a second connection holding a lock
  // waits behind the first instead of running beside it, and it has no backends to terminate. These
  // two are about a real server, which CI runs them on.
  const realServer = !inject("embedded");

  it.runIf(realServer)("a statement timeout in the staff check (Better Auth's getSession) is a 503 'timeout'", async () => {
    // Another connection holds the session table: getSession's lookup waits past statement_timeout (1 s).
    const blocker = await t.raw.connection().execute(async (c) => {
      await sql`begin`.execute(c);
      await sql`lock table ${sql.id(t.schema, "session")} in access exclusive mode`.execute(c);
      try {
        return await list();
      } finally {
        await sql`rollback`.execute(c);
      }
    });
    console.log(`[outage] statement timeout in getSession → ${blocker.status} in ${blocker.ms} ms`);
    expect(blocker.status).toBe(503);
    expect(blocker.body.error.code).toBe("timeout");
  });

  it.runIf(realServer)("survives the server closing idle connections (57P01) and serves the next request", async () => {
    expect((await list()).status).toBe(200); // the pool holds idle connections now
    const { rows } = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = ${appName} and state = 'idle'`.execute(t.raw);
    expect(rows[0]?.n).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200)); // let the pool hear about it
    expect((await list()).status).toBe(200);
  });
});
