import { type ActionEnv, defineAction } from "../actions/runner";
import { moduleBulkVerbs } from "../actions/bulk-verbs";
import type { Staff } from "../auth/staff";
import type { StaffRole } from "../auth/roles";
import type { Q } from "../db/context";
import { AppError } from "../errors";
import { keptActivity, revokeUsersSessions } from "../sessions/revoke";
import type { BulkVerb } from "./bulk-verb";
import { type BulkInput, bulkInput } from "./schemas";
import { type ScopeClaim, signScope, verifyScope } from "./scope-token";
import { refuseWholeUserBase, selectTargets, type TargetUser } from "./targets";

/** The core's verb: sign the users out everywhere (database and store). */
const revokeSessions: BulkVerb = {
  async run(env, ids) {
    const r = await revokeUsersSessions(env, ids);
    return { result: { usersChanged: 0, sessionsRevoked: r.sessions }, lastActive: r.lastActive, after: { sessionsRevoked: r.sessions } };
  },
};
const verbs: Record<BulkInput["action"], BulkVerb> = { revokeSessions, ...moduleBulkVerbs };

/** What the scope token signs: the action, the actor and the selection (ids need no token). */
const claimOf = (input: BulkInput, actor: Staff): ScopeClaim | null =>
  "ids" in input.selection ? null : { action: `users.bulk.${input.action}`, actorId: actor.id, scope: input.selection };

/** Acting on everyone is admin-only (the role, not a permission a moderator could be granted). */
function requireAdminForEveryone(input: BulkInput, actor: Staff) {
  if ("everyone" in input.selection && actor.role !== "admin") throw new AppError("forbidden", "Only admins act on every user.");
}

/** Who was left alone: the staff protections' counts and each verb's (e.g. alreadyBanned). */
type BulkSkipped = { self: number; staff: number; [verbSkip: string]: number };

/**
 * The targets the verb acts on and the ones it leaves alone. `skipped` names every verb's skip
 * key (0 for the others), so an answer's shape does not depend on the action.
 */
function splitTargets(input: BulkInput, users: TargetUser[], now: Date) {
  const skip = verbs[input.action].skip;
  const left = skip ? users.filter((u) => skip.test(input, u, now)) : [];
  const counts = Object.fromEntries(Object.values(verbs).flatMap((v) => (v.skip ? [[v.skip.key, 0]] : [])));
  if (skip) counts[skip.key] = left.length;
  return { act: skip ? users.filter((u) => !skip.test(input, u, now)) : users, skippedByVerb: counts as Record<string, number> };
}

/** What a preview's sample shows of a target: id, email and what every verb shows (the ban, say). */
const sampleOf = (u: TargetUser) => Object.assign({ id: u.id, email: u.email }, ...Object.values(verbs).map((v) => v.sample?.(u) ?? {}));

/**
 * What a bulk action would touch: shown (count and a sample) before anything is confirmed. For a
 * filter or everyone, the answer carries the scopeToken the confirmation must send back.
 */
export async function previewBulk(q: Q, input: BulkInput, actor: Staff, staffRoleMap: Record<string, StaffRole>, now = new Date()) {
  requireAdminForEveryone(input, actor);
  // Read-only: a preview must not lock the rows it merely counts.
  const { users, skipped } = await selectTargets(q, input.selection, actor, staffRoleMap, now, { lock: false });
  if ("filter" in input.selection) await refuseWholeUserBase(q, users.length, actor, staffRoleMap);
  const { act, skippedByVerb } = splitTargets(input, users, now);
  const claim = claimOf(input, actor);
  return {
    action: input.action,
    users: act.length,
    skipped: { ...skipped, ...skippedByVerb } as BulkSkipped,
    sample: act.slice(0, 10).map(sampleOf),
    ...(claim ? { scopeToken: signScope(claim, users.length, now) } : {}),
  };
}

/**
 * Ban, unban or sign out a set of users in one transaction: three statements whatever the count,
 * all-or-nothing, harmless to re-run. Staff protections skip (and report) self and other staff;
 * a verb may skip (and report) more (a ban: users whose ban is already in force, unless replaceBans).
 */
export const bulkUsersSpec = defineAction({
  name: "users.bulk",
  permission: "users.bulk",
  input: bulkInput,
  async run(env: ActionEnv, input) {
    const verb = verbs[input.action];
    verb.require?.(env);
    requireAdminForEveryone(input, env.staff);
    const { users, skipped: protectedSkips } = await selectTargets(env.q, input.selection, env.staff, env.staffRoleMap, env.now);
    if ("filter" in input.selection) await refuseWholeUserBase(env.q, users.length, env.staff, env.staffRoleMap);
    // The rows are locked: the count compared with the preview's is the one acted on.
    const claim = claimOf(input, env.staff);
    if (claim) verifyScope(input.scopeToken, claim, users.length, env.now);
    const { act, skippedByVerb } = splitTargets(input, users, env.now);
    const skipped: BulkSkipped = { ...protectedSkips, ...skippedByVerb };
    const ids = act.map((u) => u.id);
    const { result, after, before, lastActive = {} } = await verb.run(env, ids, input, act);
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
          skipped,
          ...before,
          ...keptActivity(lastActive),
        },
        after: { ...after, ...result },
      },
    };
  },
});
