import { sql } from "kysely";
import type { ActionEnv } from "../../../actions/runner";
import { AppError } from "../../../errors";
import type { TargetUser } from "../../../moderation/targets";
import type { RevokeEnv } from "../../../sessions/revoke";
import { revokeUsersSessions } from "../../../sessions/revoke";
import { banOf } from "../../index";

/**
 * The admin plugin's ban on users already selected, locked and protected by selectTargets (moved
 * here from lib/moderation: the core knows a ban only as the registry's `banOf(caps)`). One
 * statement per table whatever the number of users; re-running is harmless.
 */
const anyId = (ids: readonly string[]) => sql<string>`any(${[...ids]}::text[])`;

/** Bans need the admin plugin's columns; without them the action is refused, not half-done. */
export function requireBans(env: ActionEnv) {
  if (!banOf(env.q.caps)) throw new AppError("conflict", "This database has no ban columns (Better Auth's admin plugin): bans are unavailable.");
}

/** A target's ban columns, as selectTargets read them (the ban's `fields`; null when absent). */
export function banState(u: TargetUser): { banned: boolean | null; banReason: string | null; banExpires: Date | null } {
  return { banned: (u.banned as boolean | null | undefined) ?? null, banReason: (u.banReason as string | null | undefined) ?? null, banExpires: (u.banExpires as Date | null | undefined) ?? null };
}

/** The ban as recorded in the audit's before/after and shown in a bulk preview's sample. */
export const banFields = (u: TargetUser) => {
  const b = banState(u);
  return { banned: b.banned, banReason: b.banReason, banExpires: b.banExpires?.toISOString() ?? null };
};

/**
 * A ban in force: banned and not yet expired (Better Auth lifts an expired ban at the next sign-in).
 * Bans in force are replaced only on an explicit request (replaceBan / replaceBans): a new ban must
 * never silently shorten, lengthen or reword one someone else set.
 */
export const effectivelyBanned = (u: TargetUser, now: Date) => {
  const b = banState(u);
  return b.banned === true && (b.banExpires === null || b.banExpires.getTime() > now.getTime());
};

/** Better Auth's banUser: set the ban, then end every session (database and store). */
export async function banUsers(env: RevokeEnv, ids: readonly string[], ban: { reason: string; expiresAt: Date | null }) {
  if (!ids.length) return { users: 0, sessions: 0, lastActive: {} };
  const updated = await env.q.db
    .updateTable("user")
    .set({ banned: true, banReason: ban.reason, banExpires: ban.expiresAt, updatedAt: env.now })
    .where("user.id", "=", anyId(ids))
    .returning("user.id")
    .execute();
  const { sessions, lastActive } = await revokeUsersSessions(env, ids);
  return { users: updated.length, sessions, lastActive };
}

/** Better Auth's unbanUser: clear all three ban columns. Only rows that hold a ban change. */
export async function unbanUsers(env: RevokeEnv, ids: readonly string[]) {
  if (!ids.length) return { users: 0 };
  const updated = await env.q.db
    .updateTable("user")
    .set({ banned: false, banReason: null, banExpires: null, updatedAt: env.now })
    .where("user.id", "=", anyId(ids))
    .where("user.banned", "is", true)
    .returning("user.id")
    .execute();
  await env.store?.updateCachedUser(updated.map((u) => u.id), { banned: false, banReason: null, banExpires: null, updatedAt: env.now.toISOString() });
  return { users: updated.length };
}
