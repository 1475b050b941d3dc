import { sql } from "kysely";
import { AUDIT_TABLE } from "../audit/table";
import type { Q } from "../db/context";

/** The audit action that records a moderator's "not spam" decision (see lib/spam/actions.ts). */
export const CLEAR_ACTION = "spam.clear";
/** Its undo: the account is back in the review queue (the clearance stays in the log, answered by this). */
export const UNCLEAR_ACTION = "spam.unclear";

/**
 * When each of `userIds` was cleared as "not spam", from the audit table (the dashboard stores
 * nothing else): the latest of its clear / un-clear decisions, kept only when that is a clear.
 * Empty when the operator has not installed the audit table. Uses the table's GIN index on
 * target_ids:
 *
 *   select distinct on (t.id) t.id, a.action, a.at from dashboard_audit_log a, unnest(a.target_ids) t(id)
 *   where a.action in ('spam.clear', 'spam.unclear') and a.target_ids && $ids and t.id = any($ids)
 *   order by t.id, a.at desc
 */
export async function clearedUserIds(q: Q, userIds: readonly string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (!q.caps.audit || userIds.length === 0) return out;
  const ids = [...new Set(userIds)];
  const { rows } = await sql<{ id: string; action: string; at: Date }>`
    select distinct on (t.id) t.id, a.action, a.at
    from ${sql.id(q.naming.options.schema, AUDIT_TABLE)} a cross join lateral unnest(a.target_ids) as t(id)
    where a.action in (${CLEAR_ACTION}, ${UNCLEAR_ACTION}) and a.target_ids && ${ids}::text[] and t.id = any(${ids}::text[])
    order by t.id, a.at desc`.execute(q.db);
  for (const r of rows) if (r.action === CLEAR_ACTION) out.set(r.id, new Date(r.at));
  return out;
}
