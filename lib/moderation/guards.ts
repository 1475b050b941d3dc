import type { ActionEnv } from "../actions/runner";
import { AppError, notFound } from "../errors";
import { selectTargets, type TargetUser } from "./targets";

/** Bans need the admin plugin's columns; without them the action is refused, not half-done. */
export function requireBans(env: ActionEnv) {
  if (!env.q.caps.features.has("bans")) throw new AppError("conflict", "This database has no ban columns (Better Auth's admin plugin): bans are unavailable.");
}

/**
 * The single user a per-user action targets, locked, with the staff protections turned into
 * errors: unknown → 404, yourself → 409, other staff when not an admin → 403.
 */
export async function oneTarget(env: ActionEnv, userId: string, opts: { allowSelf?: boolean; verb: string; lock?: boolean }): Promise<TargetUser> {
  const { users, skipped } = await selectTargets(env.q, { ids: [userId] }, env.staff, env.staffRoleMap, env.now, { allowSelf: opts.allowSelf, lock: opts.lock });
  if (skipped.self && !opts.allowSelf) throw new AppError("conflict", `You cannot ${opts.verb} your own account.`);
  if (skipped.staff) throw new AppError("forbidden", `Only admins can ${opts.verb} other staff members.`);
  const user = users[0];
  if (!user) throw notFound(`No user with id ${userId}`);
  return user;
}

export const banFields = (u: Pick<TargetUser, "banned" | "banReason" | "banExpires">) => ({
  banned: u.banned,
  banReason: u.banReason,
  banExpires: u.banExpires?.toISOString() ?? null,
});

/**
 * A ban in force: banned and not yet expired (Better Auth lifts an expired ban at the next sign-in).
 * Bans in force are replaced only on an explicit request (replaceBan / replaceBans): a new ban must
 * never silently shorten, lengthen or reword one someone else set.
 */
export const effectivelyBanned = (u: Pick<TargetUser, "banned" | "banExpires">, now: Date) =>
  u.banned === true && (u.banExpires === null || u.banExpires.getTime() > now.getTime());
