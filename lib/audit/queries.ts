import { sql } from "kysely";
import { decodeCursor, isTimestampText, keysetPage } from "../db/cursor";
import type { Q } from "../db/context";
import { AppError, badRequest } from "../errors";
import type { AuditListParams } from "./search-params";
import { AUDIT_TABLE } from "./table";

export { type AuditListParams, auditListSchema, parseAuditParams } from "./search-params";

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string;
  actorEmail: string;
  actorRole: string;
  action: string;
  targetType: string;
  targetIds: string[];
  targetCount: number;
  reason: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

/** Newest first, keyset on (at, id); filters use the table's indexes (actor, action, GIN on targets). */
export async function listAudit(q: Q, p: AuditListParams) {
  if (!q.caps.audit) throw new AppError("conflict", "The audit table is not installed (npm run audit:install).");
  const cursor = p.cursor ? decodeCursor(p.cursor, "-at") : null;
  if (cursor && !isTimestampText(cursor.value)) throw badRequest("cursor: malformed");
  const t = sql.id(q.naming.options.schema, AUDIT_TABLE);
  const conds = [sql`true`];
  if (p.actor) conds.push(p.actor.includes("@") ? sql`lower(actor_email) = ${p.actor.toLowerCase()}` : sql`actor_id = ${p.actor}`);
  if (p.target) conds.push(sql`target_ids @> array[${p.target}]::text[]`);
  if (p.action) conds.push(sql`(action = ${p.action} or action like ${`${p.action}.%`})`);
  if (p.after) conds.push(sql`at >= ${p.after}`);
  if (p.before) conds.push(sql`at < ${p.before}`);
  if (cursor) conds.push(sql`(at, id) < (cast(${cursor.value} as timestamptz), cast(${cursor.id} as uuid))`);
  const { rows } = await sql<AuditRow & { sortValue: string }>`
    select id, at, actor_id as "actorId", actor_email as "actorEmail", actor_role as "actorRole", action,
      target_type as "targetType", target_ids[1:100] as "targetIds", target_count as "targetCount", reason, before, after,
      ip, user_agent as "userAgent", cast(at as text) as "sortValue"
    from ${t} where ${sql.join(conds, sql` and `)}
    order by at desc, id desc limit ${p.limit + 1}`.execute(q.db);
  const { page, nextCursor } = keysetPage(rows, p.limit, "-at");
  return { rows: page.map(({ sortValue: _, ...r }): AuditRow => r), nextCursor };
}

/** A user's last activity as an audit record kept it when their sessions were ended. */
export interface KeptActivity {
  /** the latest activity of the sessions that were ended */
  lastActive: Date;
  /** when, and by which action, they were ended */
  endedAt: Date;
  action: string;
}

/**
 * For users who have no session left: the last activity the latest audit record kept for each
 * (lib/sessions/revoke.ts keptActivity writes `before.lastActive[userId]`). One GIN look-up per id
 * through the targets index; empty without the audit table.
 *   select u.id, a.* from unnest($ids) u(id) cross join lateral (select … from audit
 *     where target_ids @> array[u.id] and before->'lastActive' ? u.id order by at desc limit 1) a
 */
export async function keptLastActive(q: Q, userIds: readonly string[]): Promise<Map<string, KeptActivity>> {
  const out = new Map<string, KeptActivity>();
  if (!q.caps.audit || !userIds.length) return out;
  const t = sql.id(q.naming.options.schema, AUDIT_TABLE);
  const { rows } = await sql<{ id: string; lastActive: string; endedAt: Date; action: string }>`
    select u.id, a.last_active as "lastActive", a.at as "endedAt", a.action
    from unnest(cast(${[...new Set(userIds)]} as text[])) as u(id)
    cross join lateral (
      select at, action, before->'lastActive'->>u.id as last_active from ${t}
      where target_ids @> array[u.id] and before->'lastActive' ? u.id
      order by at desc limit 1
    ) a`.execute(q.db);
  for (const r of rows) {
    const lastActive = new Date(r.lastActive);
    if (!Number.isNaN(lastActive.getTime())) out.set(r.id, { lastActive, endedAt: new Date(r.endedAt), action: r.action });
  }
  return out;
}

/** Emails of user ids (the audit log shows targets by email, the id on hover); absent ids are left out. */
export async function userEmails(q: Q, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q.db.selectFrom("user").select(["user.id", "user.email"]).where("user.id", "=", sql<string>`any(${[...new Set(ids)]}::text[])`).execute();
  return new Map(rows.map((r) => [r.id, r.email]));
}
