import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuditTable } from "../lib/audit/table";
import { migrateAppSchema } from "../lib/db/migrate";
import { createNaming } from "../lib/db/naming";
import { type Database, openDatabase } from "../lib/db/open";
import { chooseReadDatabase, FRESH_COOKIE } from "../lib/db/routing";
import { insertFixtures } from "./helpers/fixtures";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * DATABASE_READ_URL against a real streaming replica (.ci/replica.sh sets up the pair): reads go to
 * the replica, writes and the reads right after them to the primary. Replay is paused on the
 * replica so "right after" is deterministic, not a race with replication lag.
 */
const primaryUrl = process.env.TEST_PRIMARY_URL;
const replicaUrl = process.env.TEST_REPLICA_URL;
if (!primaryUrl || !replicaUrl) {
  if (process.env.CI === "true") throw new Error("TEST_PRIMARY_URL and TEST_REPLICA_URL must be set in CI (.ci/replica.sh)");
  console.warn("[replica.test] skipped: set TEST_PRIMARY_URL and TEST_REPLICA_URL (bash .ci/replica.sh sets up a pair)");
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = "http://localhost:3000";

describe.skipIf(!primaryUrl || !replicaUrl)("reads from a streaming replica", () => {
  const schema = `t_replica_${randomBytes(4).toString("hex")}`;
  const naming = createNaming({ schema, casing: "camel", usePlural: false, models: {} });
  let raw: Kysely<any>;
  let replicaRaw: Kysely<any>;
  let primary: Database;
  let replica: Database;
  let getUserRoute: Handler;
  let banRoute: Handler;
  let staffCookie = "";

  const waitForReplica = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await check().catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the replica did not catch up");
  };

  beforeAll(async () => {
    raw = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: primaryUrl, max: 1 }) }) });
    replicaRaw = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: replicaUrl, max: 1 }) }) });
    await sql`create schema ${sql.id(schema)}`.execute(raw);
    await migrateAppSchema(raw, naming, ["admin"]);
    await installAuditTable(raw, schema);
    primary = await openDatabase({ url: primaryUrl ?? "", naming, poolMax: 2, statementTimeoutMs: 10_000 });
    await insertFixtures(primary);
    await createPasswordUser(primary, { id: "rep_mod", email: "mod@corp.test", role: "moderator" });
    await waitForReplica(async () => (await sql<{ n: string }>`select count(*) as n from ${sql.id(schema, "user")}`.execute(replicaRaw)).rows[0]?.n !== "0");
    replica = await openDatabase({ url: replicaUrl ?? "", naming, poolMax: 2, statementTimeoutMs: 10_000 });
    Object.assign(process.env, {
      DATABASE_URL: primaryUrl, DATABASE_READ_URL: replicaUrl, AUTH_DB_SCHEMA: schema, AUTH_DB_CASING: "camel", AUTH_DB_PLURAL: "false",
      AUTH_DB_MAPPING: "", BETTER_AUTH_SECRET: "replica-test-secret-0123456789abcdefghij", BETTER_AUTH_URL: BASE,
    });
    getUserRoute = (await import("../app/api/v1/users/[id]/route")).GET as unknown as Handler;
    banRoute = (await import("../app/api/v1/users/[id]/ban/route")).POST as unknown as Handler;
    const { getAuth } = await import("../lib/auth");
    const res = await (await getAuth()).api.signInEmail({ body: { email: "mod@corp.test", password: PASSWORD }, returnHeaders: true });
    staffCookie = cookieFrom(res.headers);
  });
  afterAll(async () => {
    await sql`select pg_wal_replay_resume()`.execute(replicaRaw).catch(() => {});
    const db = await import("../lib/db");
    await (await db.getDatabase()).close().catch(() => {});
    await (await db.getReplicaDatabase()).close().catch(() => {});
    await primary?.close();
    await replica?.close();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(raw);
    await raw?.destroy();
    await replicaRaw?.destroy();
  });

  const inRecovery = async (d: Database) => (await sql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(d.db)).rows[0]?.r;

  it("routes reads to the replica and, right after a write, to the primary", async () => {
    const pick = (cookie: string) => chooseReadDatabase(new Headers({ cookie }), async () => primary, async () => replica);
    expect(await inRecovery(await pick(""))).toBe(true);
    expect(await inRecovery(await pick(`${FRESH_COOKIE}=1; other=x`))).toBe(false);
    await expect(sql`update ${sql.id(schema, "user")} set name = 'x'`.execute(replica.db)).rejects.toThrow(/read-only/);
  });

  it("shows a ban on the next read through the API even while the replica lags", async () => {
    await sql`select pg_wal_replay_pause()`.execute(replicaRaw);
    const ban = await banRoute(
      new Request(`${BASE}/api/v1/users/u_bob/ban`, { method: "POST", headers: { cookie: staffCookie, "content-type": "application/json" }, body: JSON.stringify({ reason: "replica test" }) }),
      { params: Promise.resolve({ id: "u_bob" }) },
    );
    expect(ban.status).toBe(200);
    const fresh = ban.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(fresh).toBe(`${FRESH_COOKIE}=1`);
    const read = async (cookie: string) =>
      (await (await getUserRoute(new Request(`${BASE}/api/v1/users/u_bob`, { headers: { cookie } }), { params: Promise.resolve({ id: "u_bob" }) })).json()) as { user: { banned: boolean } };
    expect((await read(`${staffCookie}; ${fresh}`)).user.banned).toBe(true); // primary: read-your-writes
    expect((await read(staffCookie)).user.banned).toBe(false); // replica, replay paused: stale, as expected
    await sql`select pg_wal_replay_resume()`.execute(replicaRaw);
    await waitForReplica(async () => (await read(staffCookie)).user.banned);
  });
});
