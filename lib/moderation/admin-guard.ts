import { sql } from "kysely";
import type { ActionEnv } from "../actions/runner";
import { staffRoleOf } from "../auth/roles";
import { AppError } from "../errors";
import { banOf } from "../modules";

/**
 * Key of the transaction-scoped advisory lock that serialises every change that can take away an
 * admin (demote, ban, delete, bulk ban). Any constant works as long as every such path uses it;
 * this pair is "ba-a" "dmin" read as ASCII (classid, objid in pg_locks).
 */
export const ADMIN_SET_LOCK = [0x62612d61, 0x646d696e] as const;

/**
 * "Never the last admin", under concurrency. The callers have already locked the target rows
 * (FOR UPDATE), so whether a target is an admin cannot change under us; the OTHER admins are not
 * locked, and two admins demoting, banning or deleting each other at once would each see the other
 * as the remaining admin and both commit (measured: zero admins left in 10 of 10 races). So when a
 * target is an effective admin we take one advisory lock for the whole admin set and count again:
 * the second transaction waits for the first to commit, and its count (a new statement, so a new
 * snapshot under READ COMMITTED) sees the first one's result.
 *
 *   select pg_advisory_xact_lock(1650535777, 1684892014);
 *   select id, role, <the ban's fields> from user where role like '%admin%' ...   -- then the staff check's rule
 *
 * Under the lock the actor is checked too: an admin demoted, or put under a ban, a moment ago by someone else
 * may no longer take an admin away (403). Targets that are not admins (the common case, and every
 * moderator action) never take the lock, so ordinary bans do not serialise on it.
 */
export async function guardAdminRemoval(env: ActionEnv, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const targets = new Set(ids);
  if ((await effectiveAdmins(env, [...targets])).length === 0) return;
  await sql`select pg_advisory_xact_lock(${sql.lit(ADMIN_SET_LOCK[0])}, ${sql.lit(ADMIN_SET_LOCK[1])})`.execute(env.q.db);
  const admins = await effectiveAdmins(env, null);
  if (!admins.includes(env.staff.id)) throw new AppError("forbidden", "Your admin role changed a moment ago: reload the page.");
  if (!admins.some((id) => !targets.has(id))) throw new AppError("conflict", "This is the last admin: make someone else admin first.");
}

/** Ids of the users (among `ids`, or all) who are admins now: an admin role and no ban in force. */
async function effectiveAdmins(env: ActionEnv, ids: string[] | null): Promise<string[]> {
  const adminRoles = Object.entries(env.staffRoleMap).filter(([, s]) => s === "admin").map(([r]) => r);
  if (adminRoles.length === 0) return [];
  const ban = banOf(env.q.caps);
  // LIKE narrows; staffRoleOf decides (so "superadmin" does not count as "admin", a ban does).
  const rows = await env.q.db
    .selectFrom("user")
    .select(["user.id", "user.role"])
    .$if(ban !== null, (qb) => qb.select((ban?.fields ?? []).map((f) => `user.${f}` as "user.role")))
    .$if(ids !== null, (qb) => qb.where("user.id", "=", sql<string>`any(${ids ?? []}::text[])`))
    .where((eb) => eb.or(adminRoles.map((r) => eb("user.role", "like", `%${r}%`))))
    .execute();
  return rows
    .filter((u) => {
      // the same rule as the staff check (staffRoleOfUser): an admin under a ban in force is no admin
      if (ban?.inForceOf(u, env.now)) return false;
      return staffRoleOf(u.role, env.staffRoleMap) === "admin";
    })
    .map((u) => u.id);
}
