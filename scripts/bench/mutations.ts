import { sql } from "kysely";
import type { Kysely } from "kysely";
import { actions } from "../../lib/actions/registry";
import { executeAction } from "../../lib/actions/runner";
import { parseStaffRoleMap } from "../../lib/config";
import type { Database } from "../../lib/db/open";

const admin = { id: "bench-admin", email: "bench@local", name: "Bench", role: "admin", appRole: "admin" } as const;

/**
 * Set-based moderation at scale: ban N users (sessions revoked with them) in one action, then a
 * filtered revoke of one busy /24. The touched rows are copied first and restored after, so the
 * benchmark database stays reusable. Each timing is a single run (the action changes the data).
 */
export async function benchMutations(d: Database, raw: Kysely<any>, n: number) {
  const schema = d.naming.options.schema;
  const deps = { d, staff: admin, request: { ip: null, userAgent: "bench" }, store: null, settings: { preserveSessions: false, staffRoleMap: parseStaffRoleMap(undefined) }, log: () => {} };
  const ids = (await d.db.selectFrom("user").select("user.id").where("user.id", "like", "sd%").where("user.role", "is", null).orderBy("user.id").limit(n).execute()).map((u) => u.id);

  const tbl = (name: string) => sql.id(schema, name);
  const save = async (where: ReturnType<typeof sql>) => {
    await sql`drop table if exists bench_saved_sessions`.execute(raw);
    await sql`create table bench_saved_sessions as select * from ${tbl("session")} where ${where}`.execute(raw);
  };
  const restore = async () => {
    await sql`insert into ${tbl("session")} select * from bench_saved_sessions on conflict do nothing`.execute(raw);
    await sql`drop table bench_saved_sessions`.execute(raw);
  };

  await save(sql`"userId" = any(${ids}::text[])`);
  const t0 = performance.now();
  const ban = (await executeAction(actions["users.bulk"], deps, { action: "ban", ids, reason: "bench" })) as { usersChanged: number; sessionsRevoked: number };
  const banMs = performance.now() - t0;
  const t1 = performance.now();
  await executeAction(actions["users.bulk"], deps, { action: "unban", ids });
  const unbanMs = performance.now() - t1;
  await restore();

  // The busiest /24 among live sessions: a spam wave's subnet in the seeded data.
  const busiest = await sql<{ net: string; n: string }>`
    select regexp_replace("ipAddress", '\\.\\d+$', '.0/24') as net, count(*) as n from ${tbl("session")}
    where "ipAddress" ~ '^\\d+\\.\\d+\\.\\d+\\.\\d+$' and "expiresAt" > now() group by 1 order by 2 desc limit 1`.execute(raw);
  const net = busiest.rows[0]?.net ?? "203.0.113.0/24";
  const prefix = net.replace(/0\/24$/, "");
  await save(sql`"ipAddress" like ${`${prefix}%`}`);
  const t2 = performance.now();
  const revoke = (await executeAction(actions["sessions.revoke.filter"], deps, { filter: { ip: net } })) as { sessionsRevoked: number; usersAffected: number };
  const revokeMs = performance.now() - t2;
  await restore();

  return [
    { name: `bulk ban ${ids.length.toLocaleString("en")} users`, ms: banMs, detail: `${ban.usersChanged} users, ${ban.sessionsRevoked} sessions revoked, one transaction` },
    { name: `bulk unban ${ids.length.toLocaleString("en")} users`, ms: unbanMs, detail: "one transaction" },
    { name: `revoke sessions of ${net}`, ms: revokeMs, detail: `${revoke.sessionsRevoked} sessions of ${revoke.usersAffected} users` },
  ];
}

/** Better Auth's way: one admin banUser call per user (each bans and deletes that user's sessions). */
export async function benchBaselineBans(d: Database, raw: Kysely<any>, ban: (userId: string) => Promise<unknown>, unban: (userId: string) => Promise<unknown>, n: number) {
  const ids = (await d.db.selectFrom("user").select("user.id").where("user.id", "like", "sd%").where("user.role", "is", null).orderBy("user.id", "desc").limit(n).execute()).map((u) => u.id);
  const schema = d.naming.options.schema;
  await sql`drop table if exists bench_saved_sessions`.execute(raw);
  await sql`create table bench_saved_sessions as select * from ${sql.id(schema, "session")} where "userId" = any(${ids}::text[])`.execute(raw);
  const t0 = performance.now();
  for (const id of ids) await ban(id);
  const ms = performance.now() - t0;
  for (const id of ids) await unban(id);
  await sql`insert into ${sql.id(schema, "session")} select * from bench_saved_sessions on conflict do nothing`.execute(raw);
  await sql`drop table bench_saved_sessions`.execute(raw);
  return { n: ids.length, ms };
}
