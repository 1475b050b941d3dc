import * as z from "zod";
import { lockSignInMethods, methods, withoutMethod } from "../../../accounts/sign-in-methods";
import { type PasskeyRow, passkeySignInMethods } from "../sign-in-methods";
import { defineAction } from "../../../actions/runner";
import { has } from "../../../db/introspect";
import { AppError, notFound } from "../../../errors";
import { oneTarget } from "../../../moderation/guards";

const id = z.string().trim().min(1, "is required").max(255);
export const removePasskeyInput = z.strictObject({ userId: id, passkeyId: id });

/**
 * Removes one of a user's passkeys (a lost or shared device), only where the passkey plugin's
 * table exists, and never the user's last way to sign in: counted under the same locks as
 * "unlink a sign-in method" (lib/accounts/sign-in-methods.ts), so the two cannot race each other
 * into leaving nothing. The public key is not read.
 */
export const removePasskeySpec = defineAction({
  name: "user.passkey.remove",
  permission: "passkeys.remove",
  input: removePasskeyInput,
  async run(env, input) {
    if (!has(env.q.caps, "passkey", "userId")) throw new AppError("conflict", "This app has no passkey table (Better Auth's passkey plugin).");
    const user = await oneTarget(env, input.userId, { verb: "change the sign-in methods of" });
    const { accounts, others, total } = await lockSignInMethods(env.q, user.id);
    const passkeys = (others.find((o) => o.kind === passkeySignInMethods.kind)?.rows ?? []) as readonly PasskeyRow[];
    const target = passkeys.find((p) => p.id === input.passkeyId);
    if (!target) throw notFound(`User ${user.id} has no passkey with id ${input.passkeyId}`);
    if (total <= 1) throw new AppError("conflict", `This passkey is ${user.email}'s last way to sign in: it cannot be removed. Send a password reset first.`);
    await env.q.db.deleteFrom("passkey").where("passkey.id", "=", target.id).execute();
    const passkey = { id: target.id, name: target.name, deviceType: target.deviceType, createdAt: target.createdAt?.toISOString() ?? null };
    return {
      result: { passkeysRemoved: 1, remaining: total - 1 },
      audit: {
        targetType: "user", targetIds: [user.id],
        before: { passkey, methods: methods(accounts, others) },
        after: { passkey: null, methods: methods(accounts, withoutMethod(others, passkeySignInMethods.kind, target.id)) },
      },
    };
  },
});
