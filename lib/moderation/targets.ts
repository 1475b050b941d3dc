import { sql } from "kysely";
import type { Staff } from "../auth/staff";
import type { StaffRole } from "../auth/roles";
import { staffRoleOf } from "../auth/roles";
import type { Q } from "../db/context";
import { badRequest } from "../errors";
import { userWhere } from "../users/filters";
import type { UserFilters } from "../users/search-params";

/** One bulk action touches at most this many users: past it, narrow the filter. */
export const MAX_BULK_USERS = 50_000;

export type UserSelection = { ids: string[] } | { filter: UserFilters };

export interface TargetUser {
  id: string;
  email: string;
  role: string | null;
  banned: boolean | null;
  banReason: string | null;
  banExpires: Date | null;
  emailVerified: boolean;
}

/**
 * The users an action may touch, locked (FOR UPDATE) so two moderators acting at once serialise on
 * the rows and each sees the other's result. Staff protections apply here, once for every action:
 * nobody acts on themselves, and only admins act on other staff. The skipped ones are reported.
 */
export async function selectTargets(
  q: Q,
  sel: UserSelection,
  actor: Staff,
  staffRoleMap: Record<string, StaffRole>,
  now: Date,
  opts: { allowSelf?: boolean; lock?: boolean } = {},
) {
  const admin = q.caps.modules.has("admin");
  const rows = await q.db
    .selectFrom("user")
    .select(["user.id", "user.email", "user.role", "user.emailVerified"])
    .$if(admin, (qb) => qb.select(["user.banned", "user.banReason", "user.banExpires"]))
    .where("ids" in sel ? (eb) => eb("user.id", "=", sql<string>`any(${sel.ids}::text[])`) : userWhere(q, sel.filter, now))
    .orderBy("user.id")
    .limit(MAX_BULK_USERS + 1)
    .$if(opts.lock !== false, (qb) => qb.forUpdate())
    .execute();
  if (rows.length > MAX_BULK_USERS) throw badRequest(`The selection holds more than ${MAX_BULK_USERS.toLocaleString("en")} users; narrow the filter`);
  const users: TargetUser[] = [];
  const skipped = { self: 0, staff: 0 };
  for (const row of rows) {
    const r: TargetUser = { banned: null, banReason: null, banExpires: null, ...row };
    if (r.id === actor.id && !opts.allowSelf) skipped.self++;
    else if (r.id === actor.id) users.push(r);
    else if (actor.role !== "admin" && staffRoleOf(r.role, staffRoleMap)) skipped.staff++;
    else users.push(r);
  }
  return { users, skipped };
}

/**
 * SQL twin of staffRoleOf for set-based statements: does `user.role` hold a role mapped to staff?
 *   string_to_array(replace(role, ' ', ''), ',') && array['admin','moderator','support']
 */
export function holdsStaffRole(roleRef: ReturnType<typeof sql.ref>, staffRoleMap: Record<string, StaffRole>) {
  return sql<boolean>`coalesce(string_to_array(replace(${roleRef}, ' ', ''), ',') && ${Object.keys(staffRoleMap)}::text[], false)`;
}
