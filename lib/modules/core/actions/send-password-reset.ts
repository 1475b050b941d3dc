import { defineAction } from "../../../actions/runner";
import { postAppAuth } from "../../../http/app-auth";
import { oneTarget } from "../../../moderation/guards";
import { userIdInput } from "../../../moderation/schemas";
import { requireAppAuth } from "./recovery";

/**
 * Asks the app's Better Auth to email the user a password-reset link (`request-password-reset`, with
 * APP_PASSWORD_RESET_REDIRECT as `redirectTo`). Better Auth answers 200 for any address, so the
 * answer is passed on as it came. The user is read without a lock: the app reads the same row while
 * this transaction waits for it. The call runs inside the action's transaction so that an app that
 * is down or refuses (503 / 502) rolls the audit record back: nothing is recorded as sent.
 */
export const sendPasswordResetSpec = defineAction({
  name: "user.passwordReset",
  permission: "users.recover",
  input: userIdInput,
  async run(env, input) {
    const app = requireAppAuth(env);
    const user = await oneTarget(env, input.userId, { verb: "send a password reset to", allowSelf: true, lock: false });
    const answer = await postAppAuth(app, "request-password-reset", { email: user.email, ...(app.resetRedirect ? { redirectTo: app.resetRedirect } : {}) });
    return {
      result: { sent: true, email: user.email, app: answer },
      audit: { targetType: "user", targetIds: [user.id], before: null, after: { email: user.email, redirectTo: app.resetRedirect ?? null, appStatus: answer.status } },
    };
  },
});
