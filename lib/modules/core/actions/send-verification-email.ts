import { defineAction } from "../../../actions/runner";
import { AppError } from "../../../errors";
import { postAppAuth } from "../../../http/app-auth";
import { oneTarget } from "../../../moderation/guards";
import { userIdInput } from "../../../moderation/schemas";
import { requireAppAuth } from "./recovery";

/**
 * Asks the app's Better Auth to send the verification email again (`send-verification-email`).
 * Without a session Better Auth answers 200 and sends nothing for an address that is already
 * verified, so that case is refused here (409) instead of being reported as sent.
 */
export const sendVerificationEmailSpec = defineAction({
  name: "user.verificationEmail",
  permission: "users.recover",
  input: userIdInput,
  // outside the transaction, as for the password reset (send-password-reset.ts)
  async prepare(env, input) {
    const app = requireAppAuth(env);
    const user = await oneTarget(env, input.userId, { verb: "send a verification email to", allowSelf: true, lock: false });
    if (user.emailVerified) throw new AppError("conflict", `${user.email} is already verified: the app would send nothing.`);
    const answer = await postAppAuth(app, "send-verification-email", { email: user.email, ...(app.verifyRedirect ? { callbackURL: app.verifyRedirect } : {}) });
    return { user, answer, callbackURL: app.verifyRedirect ?? null };
  },
  async run(_env, _input, { user, answer, callbackURL }) {
    return {
      result: { sent: true, email: user.email, app: answer },
      audit: { targetType: "user", targetIds: [user.id], before: null, after: { email: user.email, callbackURL, appStatus: answer.status } },
    };
  },
});
