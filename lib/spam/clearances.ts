import { sql } from "kysely";
import { AUDIT_TABLE } from "../audit/table";
import type { Q } from "../db/context";

/** The audit action that records a moderator's "not spam" decision (see lib/spam/actions.ts). */
export const CLEAR_ACTION = "spam.clear";

/**
 * When each of `userIds` was last cleared as "not spam", from the audit table (the dashboard stores
 * nothing else). Empty when the operator has not installed the audit table. Uses the table's GIN
 * index on target_ids:
 *
 *   select t.id, max(a.at) from dashboard_audit_log a, unnest(a.target_ids) t(id)
 *   where a.action = 'spam.clear' and a.target_ids && $ids and t.id = any($ids) group by t.id
 */
export async function clearedUserIds(q: Q, userIds: readonly string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (!q.caps.audit || userIds.length === 0) return out;
  const ids = [...new Set(userIds)];
  const { rows } = await sql<{ id: string; at: Date }>`
    select t.id, max(a.at) as at
    from ${sql.id(q.naming.options.schema, AUDIT_TABLE)} a cross join lateral unnest(a.target_ids) as t(id)
    where a.action = ${CLEAR_ACTION} and a.target_ids && ${ids}::text[] and t.id = any(${ids}::text[])
    group by t.id`.execute(q.db);
  for (const r of rows) out.set(r.id, new Date(r.at));
  return out;
}
