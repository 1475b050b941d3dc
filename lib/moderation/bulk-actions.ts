import type * as z from "zod";
import { type ActionEnv, defineAction } from "../actions/runner";
import type { Staff } from "../auth/staff";
import type { StaffRole } from "../auth/roles";
import type { Q } from "../db/context";
import { keptActivity, type LastActive, revokeUsersSessions } from "../sessions/revoke";
import { guardAdminRemoval } from "./admin-guard";
import { banFields, requireBans } from "./guards";
import { banEnd, bulkInput, type bulkPreviewInput } from "./schemas";
import { selectTargets, type UserSelection } from "./targets";
import { banUsers, unbanUsers } from "./users";

type BulkInput = z.output<typeof bulkPreviewInput>;
const selection = (input: BulkInput): UserSelection => (input.ids ? { ids: input.ids } : { filter: input.filter ?? {} });

/** What a bulk action would touch: shown (count and a sample) before anything is confirmed. */
export async function previewBulk(q: Q, input: BulkInput, actor: Staff, staffRoleMap: Record<string, StaffRole>, now = new Date()) {
  // Read-only: a preview must not lock the rows it merely counts.
  const { users, skipped } = await selectTargets(q, selection(input), actor, staffRoleMap, now, { lock: false });
  return {
    action: input.action,
    users: users.length,
    skipped,
    sample: users.slice(0, 10).map((u) => ({ id: u.id, email: u.email, ...banFields(u) })),
  };
}

/**
 * Ban, unban or sign out a set of users in one transaction: three statements whatever the count,
 * all-or-nothing, harmless to re-run. Staff protections skip (and report) self and other staff.
 */
export const bulkUsersAction = defineAction({
  name: "users.bulk",
  permission: "users.bulk",
  input: bulkInput,
  async run(env: ActionEnv, input) {
    if (input.action !== "revokeSessions") requireBans(env);
    const { users, skipped } = await selectTargets(env.q, selection(input), env.staff, env.staffRoleMap, env.now);
    const ids = users.map((u) => u.id);
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
    const previouslyBanned = users.filter((u) => u.banned === true).length;
    return {
      result: { ...result, usersSelected: ids.length, skipped },
      audit: {
        action: `users.bulk.${input.action}`,
        targetType: "user",
        targetIds: ids,
        reason: input.reason ?? null,
        before: { selection: input.filter ? { filter: input.filter } : { ids: ids.length }, previouslyBanned, skipped, ...keptActivity(lastActive) },
        after: { ...(after as object), ...result },
      },
    };
  },
});
