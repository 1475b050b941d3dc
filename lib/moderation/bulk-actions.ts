import { type ActionEnv, defineAction } from "../actions/runner";
import type { Staff } from "../auth/staff";
import type { StaffRole } from "../auth/roles";
import type { Q } from "../db/context";
import { AppError } from "../errors";
import { keptActivity, type LastActive, revokeUsersSessions } from "../sessions/revoke";
import { guardAdminRemoval } from "./admin-guard";
import { banFields, effectivelyBanned, requireBans } from "./guards";
import { banEnd, type BulkInput, bulkInput } from "./schemas";
import { type ScopeClaim, signScope, verifyScope } from "./scope-token";
import { refuseWholeUserBase, selectTargets, type TargetUser } from "./targets";
import { banUsers, unbanUsers } from "./users";

/** What the scope token signs: the action, the actor and the selection (ids need no token). */
const claimOf = (input: BulkInput, actor: Staff): ScopeClaim | null =>
  "ids" in input.selection ? null : { action: `users.bulk.${input.action}`, actorId: actor.id, scope: input.selection };

/** Acting on everyone is admin-only (the role, not a permission a moderator could be granted). */
function requireAdminForEveryone(input: BulkInput, actor: Staff) {
  if ("everyone" in input.selection && actor.role !== "admin") throw new AppError("forbidden", "Only admins act on every user.");
}

/** A bulk ban skips bans in force unless replaceBans: it never silently rewrites a ban someone set. */
function splitBans(input: BulkInput, users: TargetUser[], now: Date) {
  if (input.action !== "ban" || input.replaceBans) return { act: users, alreadyBanned: [] as TargetUser[] };
  return { act: users.filter((u) => !effectivelyBanned(u, now)), alreadyBanned: users.filter((u) => effectivelyBanned(u, now)) };
}

/**
 * What a bulk action would touch: shown (count and a sample) before anything is confirmed. For a
 * filter or everyone, the answer carries the scopeToken the confirmation must send back.
 */
export async function previewBulk(q: Q, input: BulkInput, actor: Staff, staffRoleMap: Record<string, StaffRole>, now = new Date()) {
  requireAdminForEveryone(input, actor);
  // Read-only: a preview must not lock the rows it merely counts.
  const { users, skipped } = await selectTargets(q, input.selection, actor, staffRoleMap, now, { lock: false });
  if ("filter" in input.selection) await refuseWholeUserBase(q, users.length, actor, staffRoleMap);
  const { act, alreadyBanned } = splitBans(input, users, now);
  const claim = claimOf(input, actor);
  return {
    action: input.action,
    users: act.length,
    skipped: { ...skipped, alreadyBanned: alreadyBanned.length },
    sample: act.slice(0, 10).map((u) => ({ id: u.id, email: u.email, ...banFields(u) })),
    ...(claim ? { scopeToken: signScope(claim, users.length, now) } : {}),
  };
}

/**
 * Ban, unban or sign out a set of users in one transaction: three statements whatever the count,
 * all-or-nothing, harmless to re-run. Staff protections skip (and report) self and other staff;
 * a ban skips (and reports) users already banned unless replaceBans.
 */
export const bulkUsersSpec = defineAction({
  name: "users.bulk",
  permission: "users.bulk",
  input: bulkInput,
  async run(env: ActionEnv, input) {
    if (input.action !== "revokeSessions") requireBans(env);
    requireAdminForEveryone(input, env.staff);
    const { users, skipped: protectedSkips } = await selectTargets(env.q, input.selection, env.staff, env.staffRoleMap, env.now);
    if ("filter" in input.selection) await refuseWholeUserBase(env.q, users.length, env.staff, env.staffRoleMap);
    // The rows are locked: the count compared with the preview's is the one acted on.
    const claim = claimOf(input, env.staff);
    if (claim) verifyScope(input.scopeToken, claim, users.length, env.now);
    const { act, alreadyBanned } = splitBans(input, users, env.now);
    const skipped = { ...protectedSkips, alreadyBanned: alreadyBanned.length };
    const ids = act.map((u) => u.id);
    let result: { usersChanged: number; sessionsRevoked: number };
    let after: unknown;
    let lastActive: LastActive = {};
    if (input.action === "ban") {
      await guardAdminRemoval(env, ids);
      const expiresAt = banEnd(input, env.now);
      const r = await banUsers(env, ids, { reason: input.reason ?? "", expiresAt });
      result = { usersChanged: r.users, sessionsRevoked: r.sessions };
      lastActive = r.lastActive;
      after = { banned: true, banReason: input.reason, banExpires: expiresAt?.toISOString() ?? null };
    } else if (input.action === "unban") {
      const r = await unbanUsers(env, ids);
      result = { usersChanged: r.users, sessionsRevoked: 0 };
      after = { banned: false, banReason: null, banExpires: null };
    } else {
      const r = await revokeUsersSessions(env, ids);
      result = { usersChanged: 0, sessionsRevoked: r.sessions };
      lastActive = r.lastActive;
      after = { sessionsRevoked: r.sessions };
    }
    const previouslyBanned = act.filter((u) => u.banned === true);
    // A replaced ban is not lost: its reason and end stay in the audit record.
    const previousBans = input.action === "ban" ? previouslyBanned.map((u) => ({ id: u.id, banReason: u.banReason, banExpires: u.banExpires?.toISOString() ?? null })) : undefined;
    const sel = input.selection;
    return {
      result: { ...result, usersSelected: ids.length, skipped },
      audit: {
        action: `users.bulk.${input.action}`,
        targetType: "user",
        targetIds: ids,
        reason: input.reason ?? null,
        before: {
          selection: "filter" in sel ? { filter: sel.filter } : "everyone" in sel ? { everyone: true } : { ids: ids.length },
          previouslyBanned: previouslyBanned.length,
          skipped,
          ...(previousBans?.length ? { previousBans } : {}),
          ...keptActivity(lastActive),
        },
        after: { ...(after as object), ...result },
      },
    };
  },
});
