import { bulkUsersAction } from "../moderation/bulk-actions";
import { clearSpamAction } from "../spam/actions";
import {
  revokeAllSessionsAction, revokeFilteredSessionsAction, revokeSessionAction, revokeUserSessionsAction,
} from "../moderation/session-actions";
import { banUserAction, deleteUserAction, setRoleAction, unbanUserAction, verifyEmailAction } from "../moderation/user-actions";

/**
 * Every staff mutation, by name. The UI's single server action and the JSON API both dispatch
 * through this whitelist, so there is one way in and it always runs executeAction().
 * (A test checks each key equals its action's name.)
 */
export const actions = {
  "user.ban": banUserAction,
  "user.unban": unbanUserAction,
  "user.verifyEmail": verifyEmailAction,
  "user.setRole": setRoleAction,
  "user.delete": deleteUserAction,
  "user.sessions.revoke": revokeUserSessionsAction,
  "session.revoke": revokeSessionAction,
  "sessions.revoke.filter": revokeFilteredSessionsAction,
  "sessions.revoke.all": revokeAllSessionsAction,
  "users.bulk": bulkUsersAction,
  "spam.clear": clearSpamAction,
} as const;
export type ActionName = keyof typeof actions;

/**
 * The action called `name`, looked up among the registry's own keys only: names come from clients,
 * and `actions["__proto__"]` or `actions["constructor"]` would otherwise resolve through the prototype.
 */
export function findAction(name: unknown): (typeof actions)[ActionName] | null {
  return typeof name === "string" && Object.hasOwn(actions, name) ? actions[name as ActionName] : null;
}
