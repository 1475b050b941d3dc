import { bulkUsersSpec } from "../moderation/bulk-actions";
import { clearSpamSpec, unclearSpamSpec } from "../spam/actions";
import {
  revokeAllSessionsSpec, revokeFilteredSessionsSpec, revokeSessionSpec, revokeUserSessionsSpec,
} from "../moderation/session-actions";
import { banUserSpec } from "../modules/admin/actions/ban-user";
import { unbanUserSpec } from "../modules/admin/actions/unban-user";
import { sendPasswordResetSpec } from "../modules/core/actions/send-password-reset";
import { sendVerificationEmailSpec } from "../modules/core/actions/send-verification-email";
import { unlinkAccountSpec } from "../modules/core/actions/unlink-account";
import { updateUserSpec } from "../modules/core/actions/update-user";
import { removePasskeySpec } from "../modules/passkey/actions/remove-passkey";
import { disableTwoFactorSpec } from "../modules/two-factor/actions/disable-two-factor";
import { cancelInvitationSpec } from "../modules/organization/actions/cancel-invitation";
import { removeMemberSpec } from "../modules/organization/actions/remove-member";
import { setMemberRoleSpec } from "../modules/organization/actions/set-member-role";
import { deleteUserSpec, setRoleSpec, verifyEmailSpec } from "../moderation/user-actions";

/**
 * Every staff mutation, by name. The UI's single server action and the JSON API both dispatch
 * through this whitelist, so there is one way in and it always runs executeAction().
 * (A test checks each key equals its action's name.)
 */
export const actions = {
  "user.ban": banUserSpec,
  "user.unban": unbanUserSpec,
  "user.verifyEmail": verifyEmailSpec,
  "user.setRole": setRoleSpec,
  "user.delete": deleteUserSpec,
  "user.passwordReset": sendPasswordResetSpec,
  "user.verificationEmail": sendVerificationEmailSpec,
  "user.update": updateUserSpec,
  "user.account.unlink": unlinkAccountSpec,
  "user.twoFactor.disable": disableTwoFactorSpec,
  "user.passkey.remove": removePasskeySpec,
  "user.sessions.revoke": revokeUserSessionsSpec,
  "session.revoke": revokeSessionSpec,
  "sessions.revoke.filter": revokeFilteredSessionsSpec,
  "sessions.revoke.all": revokeAllSessionsSpec,
  "users.bulk": bulkUsersSpec,
  "spam.clear": clearSpamSpec,
  "spam.unclear": unclearSpamSpec,
  "organization.member.remove": removeMemberSpec,
  "organization.member.setRole": setMemberRoleSpec,
  "organization.invitation.cancel": cancelInvitationSpec,
} as const;
export type ActionName = keyof typeof actions;

/**
 * The action called `name`, looked up among the registry's own keys only: names come from clients,
 * and `actions["__proto__"]` or `actions["constructor"]` would otherwise resolve through the prototype.
 */
export function findAction(name: unknown): (typeof actions)[ActionName] | null {
  return typeof name === "string" && Object.hasOwn(actions, name) ? actions[name as ActionName] : null;
}
