import * as z from "zod";
import { defineAction } from "../../../actions/runner";
import { AppError, notFound } from "../../../errors";
import { oneTarget } from "../../../moderation/guards";

const id = z.string().trim().min(1, "is required").max(255);
export const unlinkAccountInput = z.strictObject({ userId: id, accountId: id });

/**
 * Removes one sign-in method (an `account` row: the password or a social provider), never the
 * last one. The user row is locked first (oneTarget) and then the user's account rows, and they
 * are counted under those locks: two unlinks of a user's last two methods serialise, and the second
 * finds one left and is refused (409). Only ids and provider names are read: tokens and the
 * password hash are not.
 */
export const unlinkAccountSpec = defineAction({
  name: "user.account.unlink",
  permission: "users.unlinkAccount",
  input: unlinkAccountInput,
  async run(env, input) {
    const user = await oneTarget(env, input.userId, { verb: "change the sign-in methods of", allowSelf: false });
    const accounts = await env.q.db
      .selectFrom("account")
      .select(["account.id", "account.providerId", "account.accountId"])
      .where("account.userId", "=", user.id)
      .orderBy("account.id")
      .forUpdate()
      .execute();
    const target = accounts.find((a) => a.id === input.accountId);
    if (!target) throw notFound(`User ${user.id} has no sign-in method with id ${input.accountId}`);
    if (accounts.length <= 1) {
      throw new AppError("conflict", `This is ${user.email}'s last way to sign in (${target.providerId}): it cannot be removed. Send a password reset instead.`);
    }
    await env.q.db.deleteFrom("account").where("account.id", "=", target.id).execute();
    return {
      result: { accountsRemoved: 1, providerId: target.providerId, remaining: accounts.length - 1 },
      audit: {
        targetType: "user", targetIds: [user.id],
        before: { account: { id: target.id, providerId: target.providerId, accountId: target.accountId }, methods: accounts.map((a) => a.providerId) },
        after: { account: null, methods: accounts.filter((a) => a.id !== target.id).map((a) => a.providerId) },
      },
    };
  },
});
