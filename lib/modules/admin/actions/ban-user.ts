import { defineAction } from "../../../actions/runner";
import { AppError } from "../../../errors";
import { guardAdminRemoval } from "../../../moderation/admin-guard";
import { oneTarget } from "../../../moderation/guards";
import { banEnd, banInput } from "../../../moderation/schemas";
import { banFields, banState, banUsers, effectivelyBanned, requireBans } from "./ban-users";
import { keptActivity } from "../../../sessions/revoke";

/** Bans one user: sets the admin plugin's ban columns and ends every session (database and store). */
export const banUserSpec = defineAction({
  name: "user.ban",
  permission: "users.ban",
  input: banInput,
  async run(env, input) {
    requireBans(env);
    const user = await oneTarget(env, input.userId, { verb: "ban" });
    await guardAdminRemoval(env, [user.id]); // a banned admin is no admin
    const expiresAt = banEnd(input, env.now);
    // Changing a ban in force is explicit; the audit's before keeps the old reason and end either way.
    if (effectivelyBanned(user, env.now) && !input.replaceBan) {
      const { banExpires, banReason } = banState(user);
      const until = banExpires ? `until ${banExpires.toISOString()}` : "permanently";
      throw new AppError("conflict", `This user is already banned ${until} (${banReason ?? "no reason"}): send replaceBan: true to change the ban.`);
    }
    const r = await banUsers(env, [user.id], { reason: input.reason, expiresAt });
    return {
      result: { usersChanged: r.users, sessionsRevoked: r.sessions, banExpires: expiresAt?.toISOString() ?? null },
      audit: {
        targetType: "user", targetIds: [user.id], reason: input.reason,
        before: { ...banFields(user), ...keptActivity(r.lastActive) }, after: { banned: true, banReason: input.reason, banExpires: expiresAt?.toISOString() ?? null, sessionsRevoked: r.sessions },
      },
    };
  },
});
