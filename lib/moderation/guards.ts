import type { ActionEnv } from "../actions/runner";
import { AppError, notFound } from "../errors";
import { selectTargets, type TargetUser } from "./targets";

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
