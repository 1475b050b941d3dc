import { type Kysely, sql } from "kysely";
import type { Database } from "../../lib/db/open";

export interface MutationOps {
  banMany(ids: string[]): Promise<{ usersChanged: number; sessionsRevoked: number }>;
  unbanMany(ids: string[]): Promise<unknown>;
  revokeRange(cidr: string): Promise<{ sessionsRevoked: number; usersAffected: number }>;
  /** the baseline: one Better Auth admin call per user */
  banOne(id: string): Promise<unknown>;
  unbanOne(id: string): Promise<unknown>;
}

/**
 * Moderation at scale, single runs (each changes the data): ban N users with their sessions in one
 * action, unban them, revoke the busiest /24, and the baseline's one-call-per-user ban. Touched
 * session rows are copied first and restored after, so the benchmark database stays reusable.
 */
export async function benchMutations(d: Database, raw: Kysely<any>, ops: MutationOps, n: number, baselineN: number) {
  const schema = d.naming.options.schema;
  const tbl = sql.id(schema, "session");
  const pick = (limit: number, dir: "asc" | "desc") =>
    d.db.selectFrom("user").select("user.id").where("user.id", "like", "sd%").where("user.role", "is", null).orderBy("user.id", dir).limit(limit).execute().then((r) => r.map((u) => u.id));
  const saved = async <T>(where: ReturnType<typeof sql>, fn: () => Promise<T>): Promise<T> => {
    await sql`drop table if exists bench_saved_sessions`.execute(raw);
    await sql`create table bench_saved_sessions as select * from ${tbl} where ${where}`.execute(raw);
    try {
      return await fn();
    } finally {
      await sql`insert into ${tbl} select * from bench_saved_sessions on conflict do nothing`.execute(raw);
      await sql`drop table bench_saved_sessions`.execute(raw);
    }
  };
  const timed = async <T>(fn: () => Promise<T>) => {
    const t0 = performance.now();
    const value = await fn();
    return { value, ms: performance.now() - t0 };
  };

  const ids = await pick(n, "asc");
  const { ban, unban } = await saved(sql`"userId" = any(${ids}::text[])`, async () => {
    const ban = await timed(() => ops.banMany(ids));
    const unban = await timed(() => ops.unbanMany(ids));
    return { ban, unban };
  });

  const busiest = await sql<{ net: string }>`
    select regexp_replace("ipAddress", '\\.\\d+$', '.0/24') as net from ${tbl}
    where "ipAddress" ~ '^\\d+\\.\\d+\\.\\d+\\.\\d+$' and "expiresAt" > now() group by 1 order by count(*) desc limit 1`.execute(raw);
  const net = busiest.rows[0]?.net ?? "203.0.113.0/24";
  const revoke = await saved(sql`"ipAddress" like ${net.replace(/0\/24$/, "%")}`, () => timed(() => ops.revokeRange(net)));

  const baseIds = await pick(baselineN, "desc");
  const baseline = await saved(sql`"userId" = any(${baseIds}::text[])`, async () => {
    const r = await timed(async () => {
      for (const id of baseIds) await ops.banOne(id);
    });
    for (const id of baseIds) await ops.unbanOne(id);
    return r;
  });

  const perUser = baseline.ms / Math.max(1, baseIds.length);
  return [
    `${`bulk ban ${ids.length.toLocaleString("en")} users`.padEnd(36)}${ban.ms.toFixed(0).padStart(8)} ms   ${ban.value.usersChanged} users, ${ban.value.sessionsRevoked} sessions revoked, one transaction`,
    `${`bulk unban ${ids.length.toLocaleString("en")} users`.padEnd(36)}${unban.ms.toFixed(0).padStart(8)} ms   one transaction`,
    `${`revoke sessions of ${net}`.padEnd(36)}${revoke.ms.toFixed(0).padStart(8)} ms   ${revoke.value.sessionsRevoked} sessions of ${revoke.value.usersAffected} users`,
    "baseline: admin banUser per user".padEnd(36) +
      `${baseline.ms.toFixed(0).padStart(8)} ms   ${baseIds.length} users measured → ${((perUser * ids.length) / 1000).toFixed(1)} s for ${ids.length.toLocaleString("en")} (extrapolated ×${(ids.length / Math.max(1, baseIds.length)).toFixed(0)})`,
  ];
}
