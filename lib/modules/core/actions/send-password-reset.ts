import { defineAction } from "../../../actions/runner";
import { postAppAuth } from "../../../http/app-auth";
import { oneTarget } from "../../../moderation/guards";
import { userIdInput } from "../../../moderation/schemas";
import { requireAppAuth } from "./recovery";

/**
 * Asks the app's Better Auth to email the user a password-reset link (`request-password-reset`, with
 * APP_PASSWORD_RESET_REDIRECT as `redirectTo`). Better Auth answers 200 for any address, so the
 * answer is passed on as it came. The request is made in `prepare`, outside the transaction (the
 * app reads the same database meanwhile); the audit record is written only once the app accepted,
 * so an app that is down (503) or refuses (502) leaves nothing recorded as sent.
 */
export const sendPasswordResetSpec = defineAction({
  name: "user.passwordReset",
  permission: "users.recover",
  input: userIdInput,
  async prepare(env, input) {
    const app = requireAppAuth(env);
    const user = await oneTarget(env, input.userId, { verb: "send a password reset to", allowSelf: true, lock: false });
    const answer = await postAppAuth(app, "request-password-reset", { email: user.email, ...(app.resetRedirect ? { redirectTo: app.resetRedirect } : {}) });
    return { user, answer, redirectTo: app.resetRedirect ?? null };
  },
  async run(_env, _input, { user, answer, redirectTo }) {
    return {
      result: { sent: true, email: user.email, app: answer },
      audit: { targetType: "user", targetIds: [user.id], before: null, after: { email: user.email, redirectTo, appStatus: answer.status } },
    };
  },
});
