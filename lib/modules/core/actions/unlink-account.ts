import * as z from "zod";
import { lockSignInMethods, methods } from "../../../accounts/sign-in-methods";
import { defineAction } from "../../../actions/runner";
import { AppError, notFound } from "../../../errors";
import { oneTarget } from "../../../moderation/guards";

const id = z.string().trim().min(1, "is required").max(255);
export const unlinkAccountInput = z.strictObject({ userId: id, accountId: id });

/**
 * Removes one sign-in method (an `account` row: the password or a social provider), never the
 * last way to sign in (passkeys count too). The user row is locked first (oneTarget), then the
 * user's accounts and passkeys, and they are counted under those locks: two removals of a user's
 * last two methods serialise, and the second finds one left and is refused (409). Only ids and
 * provider names are read: tokens and the password hash are not.
 */
export const unlinkAccountSpec = defineAction({
  name: "user.account.unlink",
  permission: "users.unlinkAccount",
  input: unlinkAccountInput,
  async run(env, input) {
    const user = await oneTarget(env, input.userId, { verb: "change the sign-in methods of", allowSelf: false });
    const { accounts, others, total } = await lockSignInMethods(env.q, user.id);
    const target = accounts.find((a) => a.id === input.accountId);
    if (!target) throw notFound(`User ${user.id} has no sign-in method with id ${input.accountId}`);
    if (total <= 1) {
      throw new AppError("conflict", `This is ${user.email}'s last way to sign in (${target.providerId}): it cannot be removed. Send a password reset instead.`);
    }
    await env.q.db.deleteFrom("account").where("account.id", "=", target.id).execute();
    return {
      result: { accountsRemoved: 1, providerId: target.providerId, remaining: total - 1 },
      audit: {
        targetType: "user", targetIds: [user.id],
        before: { account: { id: target.id, providerId: target.providerId, accountId: target.accountId }, methods: methods(accounts, others) },
        after: { account: null, methods: methods(accounts.filter((a) => a.id !== target.id), others) },
      },
    };
  },
});

