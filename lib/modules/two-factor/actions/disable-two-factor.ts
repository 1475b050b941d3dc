import { defineAction } from "../../../actions/runner";
import { has } from "../../../db/introspect";
import { AppError } from "../../../errors";
import { oneTarget } from "../../../moderation/guards";
import { userIdInput } from "../../../moderation/schemas";

/**
 * Removes a user's two-factor authentication, as Better Auth's own `two-factor/disable` does:
 * `user.twoFactorEnabled = false` and the user's `twoFactor` rows deleted (secret, backup codes),
 * so the next sign-in needs the password alone and the user can enrol again. The secrets are
 * deleted, never read.
 */
export const disableTwoFactorSpec = defineAction({
  name: "user.twoFactor.disable",
  permission: "twoFactor.disable",
  input: userIdInput,
  async run(env, input) {
    const { q } = env;
    if (!has(q.caps, "user", "twoFactorEnabled")) throw new AppError("conflict", "This app has no two-factor columns (Better Auth's twoFactor plugin).");
    const user = await oneTarget(env, input.userId, { verb: "remove two-factor from" });
    const row = await q.db.selectFrom("user").select("user.twoFactorEnabled").where("user.id", "=", user.id).executeTakeFirstOrThrow();
    const removed = has(q.caps, "twoFactor", "userId")
      ? Number((await q.db.deleteFrom("twoFactor").where("twoFactor.userId", "=", user.id).executeTakeFirst()).numDeletedRows)
      : 0;
    await q.db.updateTable("user").set({ twoFactorEnabled: false, updatedAt: env.now }).where("user.id", "=", user.id).execute();
    await env.store?.updateCachedUser([user.id], { twoFactorEnabled: false });
    return {
      result: { usersChanged: row.twoFactorEnabled === true ? 1 : 0, factorsRemoved: removed },
      audit: { targetType: "user", targetIds: [user.id], before: { twoFactorEnabled: row.twoFactorEnabled, factors: removed }, after: { twoFactorEnabled: false, factors: 0 } },
    };
  },
});
