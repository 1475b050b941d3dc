import { defineAction } from "../../../actions/runner";
import { oneTarget } from "../../../moderation/guards";
import { userIdInput } from "../../../moderation/schemas";
import { banFields, requireBans, unbanUsers } from "./ban-users";

/** Lifts a ban (clears the admin plugin's ban columns); sessions ended by the ban stay ended. */
export const unbanUserSpec = defineAction({
  name: "user.unban",
  permission: "users.ban",
  input: userIdInput,
  async run(env, input) {
    requireBans(env);
    const user = await oneTarget(env, input.userId, { verb: "unban" });
    const r = await unbanUsers(env, [user.id]);
    return {
      result: { usersChanged: r.users },
      audit: { targetType: "user", targetIds: [user.id], before: banFields(user), after: { banned: false, banReason: null, banExpires: null } },
    };
  },
});
