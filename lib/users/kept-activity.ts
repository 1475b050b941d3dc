import { keptLastActive } from "../audit/queries";
import type { Q } from "../db/context";
import type { UserRow } from "./queries";

/**
 * A missing session is not proof that a user never signed in: a ban or a revoke deletes the rows,
 * and Better Auth deletes expired ones. For the rows with no session left, this adds the last
 * activity the audit table kept when their sessions were ended (one look-up for the whole page;
 * nothing without the audit table), so the page can say "no session now · last active …".
 */
export async function withKeptActivity(q: Q, rows: UserRow[]): Promise<UserRow[]> {
  const missing = rows.filter((r) => !r.lastActiveAt).map((r) => r.id);
  if (!missing.length || !q.caps.audit) return rows;
  const kept = await keptLastActive(q, missing);
  return rows.map((r) => (r.lastActiveAt ? r : { ...r, keptActivity: kept.get(r.id) ?? null }));
}
