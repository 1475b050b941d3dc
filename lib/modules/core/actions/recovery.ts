import type { ActionEnv } from "../../../actions/runner";
import type { AppAuthConfig } from "../../../config";
import { AppError } from "../../../errors";

/**
 * The recovery emails are sent by the app's own Better Auth (APP_AUTH_URL), so its templates, links
 * and rules apply; without it configured the actions are refused (the user page hides them and says
 * why).
 */
export function requireAppAuth(env: ActionEnv): AppAuthConfig {
  if (!env.appAuth) throw new AppError("conflict", "Recovery emails need APP_AUTH_URL (the app's Better Auth handler, e.g. https://app.example.com/api/auth).");
  return env.appAuth;
}
