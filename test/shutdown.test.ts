import net from "node:net";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers/db";
import type { ServerProcess } from "./helpers/server-process";
import { startStandalone } from "./helpers/server-process";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * Graceful shutdown of the real production server (the standalone server.js, as the package and the
 * container run it): SIGTERM while a ban waits on a row lock held by another transaction. The ban
 * must commit and answer, new connections must be refused, the pools closed, and the process exit 0
 * within SHUTDOWN_TIMEOUT_MS; a request still running at the bound makes it exit 1 at the bound.
 */
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(false);
    });
    s.once("error", (err: NodeJS.ErrnoException) => resolve(err.code === "ECONNREFUSED"));
  });

// The embedded engine (PGlite) is one session behind a socket: the server's ban would wait behind the
// test's lock-holding connection instead of beside it. About a real server, which CI runs it on.
describe.skipIf(inject("embedded"))("graceful shutdown of the standalone server", () => {
  let t: TestDb;
  let locker: Kysely<any>;
  let lockPool: pg.Pool;
  const appName = `shutdown_${process.pid}`;

  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    await createPasswordUser(t.d, { id: "sd_admin", email: "admin@sd.test", role: "admin" });
    for (const id of ["sd_user1", "sd_user2"]) await createPasswordUser(t.d, { id, email: `${id}@sd.test`, role: "user" });
    lockPool = new pg.Pool({ connectionString: t.url, max: 1 });
    locker = new Kysely<any>({ dialect: new PostgresDialect({ pool: lockPool }) });
  });
  afterAll(async () => {
    await locker?.destroy();
    await t?.cleanup();
  });

  async function start(env: Record<string, string> = {}): Promise<ServerProcess & { cookie: string }> {
    const url = new URL(t.url);
    url.searchParams.set("application_name", appName);
    const s = await startStandalone({
      DATABASE_URL: url.toString(),
      AUTH_DB_SCHEMA: t.schema,
      BETTER_AUTH_SECRET: "shutdown-test-secret-shutdown-test-secret-01",
      NEXT_MANUAL_SIG_HANDLE: "1",
      ...env,
    });
    const res = await fetch(`${s.base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: s.base },
      body: JSON.stringify({ email: "admin@sd.test", password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return { ...s, cookie: cookieFrom(res.headers) };
  }

  const ban = (s: ServerProcess & { cookie: string }, id: string) =>
    fetch(`${s.base}/api/v1/users/${id}/ban`, {
      method: "POST",
      headers: { cookie: s.cookie, origin: s.base, "content-type": "application/json" },
      body: JSON.stringify({ reason: "shutdown test" }),
    });

  /** Holds the user's row lock in another transaction (its own one-connection pool) until `release` is called. */
  function holdRowLock(id: string) {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const done = locker.transaction().execute(async (trx) => {
      await sql`select 1 from ${sql.table(`${t.schema}.user`)} where id = ${id} for update`.execute(trx);
      locked();
      await released;
    });
    return { isLocked, release, done };
  }

  const waitingOnLock = async () => {
    const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = ${appName} and wait_event_type = 'Lock'`.execute(t.raw);
    return r.rows[0]?.n ?? 0;
  };

  it("SIGTERM during a ban that waits on a lock: the ban commits, new connections are refused, exit 0", { timeout: 120_000 }, async () => {
    const s = await start({ SHUTDOWN_TIMEOUT_MS: "15000" });
    const lock = holdRowLock("sd_user1");
    await lock.isLocked;
    const pending = ban(s, "sd_user1");
    for (let i = 0; i < 100 && (await waitingOnLock()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await waitingOnLock()).toBe(1);

    const signalled = Date.now();
    s.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    expect(await refused(s.port)).toBe(true); // no new connections
    expect(s.child.exitCode).toBeNull(); // still finishing the ban
    lock.release();
    await lock.done;

    const res = await pending;
    expect(res.status).toBe(200);
    const code = await s.exited;
    const ms = Date.now() - signalled;
    console.log(`[shutdown] exit ${code} ${ms} ms after SIGTERM (lock held ~500 ms of it)\n${s.output().split("\n").filter((l) => l.includes("[dashboard]")).join("\n")}`);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
    const row = await sql<{ banned: boolean }>`select banned from ${sql.table(`${t.schema}.user`)} where id = 'sd_user1'`.execute(t.raw);
    expect(row.rows[0]?.banned).toBe(true);
    // the pools were closed, not dropped: no backend of the server is left
    const left = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = ${appName}`.execute(t.raw);
    expect(left.rows[0]?.n).toBe(0);
    expect(s.output()).toMatch(/\[dashboard\] stopped in \d+ ms/);
  });

  it("a request still running at SHUTDOWN_TIMEOUT_MS: the process exits 1 at the bound", { timeout: 120_000 }, async () => {
    const s = await start({ SHUTDOWN_TIMEOUT_MS: "1500" });
    const lock = holdRowLock("sd_user2");
    await lock.isLocked;
    const pending = ban(s, "sd_user2").catch((err: unknown) => err);
    for (let i = 0; i < 100 && (await waitingOnLock()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const signalled = Date.now();
    s.child.kill("SIGTERM");
    const code = await s.exited;
    const ms = Date.now() - signalled;
    lock.release();
    await lock.done;
    await pending;
    console.log(`[shutdown] bound reached: exit ${code} after ${ms} ms`);
    expect(code).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(1_400);
    expect(ms).toBeLessThan(4_000);
    // the ban's transaction died with the process: nothing half-applied
    const row = await sql<{ banned: boolean | null }>`select banned from ${sql.table(`${t.schema}.user`)} where id = 'sd_user2'`.execute(t.raw);
    expect(row.rows[0]?.banned ?? false).toBe(false);
  });
});
