import { type Selectable, sql } from "kysely";
import type { Staff } from "../auth/staff";
import type { StaffRole } from "../auth/roles";
import { staffRoleOf } from "../auth/roles";
import type { Q } from "../db/context";
import type { UserTable } from "../db/schema";
import { AppError, badRequest } from "../errors";
import { banOf } from "../modules";
import { userWhere } from "../users/filters";
import { effectiveFilters, hasFilters, type UserFilters } from "../users/list-params";

/** One bulk action touches at most this many users: past it, narrow the filter. */
export const MAX_BULK_USERS = 50_000;

/** Whom an action targets: explicit ids, a filter, or everyone (admin-only, typed confirmation). */
export type UserSelection = { ids: string[] } | { filter: UserFilters } | { everyone: true };

/**
 * A user an action may touch, as the schema types its columns, plus the fields of a module's ban
 * (`banOf(caps).fields`, null when absent), which only that module's actions read.
 */
export type TargetUser = Pick<Selectable<UserTable>, "id" | "email" | "role" | "emailVerified"> & { readonly [field: string]: unknown };

/**
 * The users an action may touch, locked (FOR UPDATE) so two moderators acting at once serialise on
 * the rows and each sees the other's result. Staff protections apply here, once for every action:
 * nobody acts on themselves, and only admins act on other staff. The skipped ones are reported.
 * "Everyone" means the app's users: staff are skipped even for an admin (they are acted on one by one).
 */
export async function selectTargets(
  q: Q,
  sel: UserSelection,
  actor: Staff,
  staffRoleMap: Record<string, StaffRole>,
  now: Date,
  opts: { allowSelf?: boolean; lock?: boolean } = {},
) {
  const banFields = banOf(q.caps)?.fields ?? [];
  if ("filter" in sel) requireEffectiveFilter(q, sel.filter);
  const rows = await q.db
    .selectFrom("user")
    .select(["user.id", "user.email", "user.role", "user.emailVerified"])
    .$if(banFields.length > 0, (qb) => qb.select(banFields.map((f) => `user.${f}` as "user.role")))
    .$if("ids" in sel, (qb) => qb.where("user.id", "=", sql<string>`any(${"ids" in sel ? sel.ids : []}::text[])`))
    .$if("filter" in sel, (qb) => qb.where(userWhere(q, "filter" in sel ? sel.filter : {}, now)))
    .orderBy("user.id")
    .limit(MAX_BULK_USERS + 1)
    .$if(opts.lock !== false, (qb) => qb.forUpdate())
    .execute();
  if (rows.length > MAX_BULK_USERS) throw badRequest(`The selection holds more than ${MAX_BULK_USERS.toLocaleString("en")} users; narrow the filter`);
  const users: TargetUser[] = [];
  const skipped = { self: 0, staff: 0 };
  for (const row of rows) {
    const r: TargetUser = { ...Object.fromEntries(banFields.map((f) => [f, null])), ...(row as TargetUser) };
    if (r.id === actor.id && !opts.allowSelf) skipped.self++;
    else if (r.id === actor.id) users.push(r);
    else if ((actor.role !== "admin" || "everyone" in sel) && staffRoleOf(r.role, staffRoleMap)) skipped.staff++;
    else users.push(r);
  }
  return { users, skipped };
}

/** userWhere ignores a filter whose module is off: such a filter is no filter. */
function requireEffectiveFilter(q: Q, f: UserFilters) {
  if (!hasFilters(effectiveFilters(q.caps, f))) throw badRequest("filter: give at least one filter; acting on everyone is a separate, admin-only action");
}

/**
 * A filter is a way to pick some users, not a way around the admin-only "everyone" action: a
 * non-admin's filter that selects every user they could act on is refused, whatever its form
 * (createdAfter=1970-01-01, role=user where everyone is "user"…). Cheap: it reads at most
 * `selected + 1` rows of the users the actor may touch.
 *   select count(*) from (select 1 from user where id <> $actor and not <staff> limit $n + 1)
 */
export async function refuseWholeUserBase(q: Q, selected: number, actor: Staff, staffRoleMap: Record<string, StaffRole>) {
  if (actor.role === "admin" || selected === 0) return;
  const reachable = await q.db
    .selectFrom((db) =>
      db
        .selectFrom("user")
        .select(sql`1`.as("one"))
        .where("user.id", "!=", actor.id)
        .where((eb) => eb.not(holdsStaffRole(sql.ref("user.role"), staffRoleMap)))
        .limit(selected + 1)
        .as("reachable"),
    )
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(reachable.n) <= selected) {
    throw new AppError("forbidden", "This filter selects every user you can act on: acting on everyone is a separate, admin-only action. Narrow the filter.");
  }
}

/**
 * SQL twin of staffRoleOf for set-based statements: does `user.role` hold a role mapped to staff?
 *   string_to_array(replace(role, ' ', ''), ',') && array['admin','moderator','support']
 */
export function holdsStaffRole(roleRef: ReturnType<typeof sql.ref>, staffRoleMap: Record<string, StaffRole>) {
  return sql<boolean>`coalesce(string_to_array(replace(${roleRef}, ' ', ''), ',') && ${Object.keys(staffRoleMap)}::text[], false)`;
}
