import { defineAccess } from "../access";

/**
 * What the core dashboard lets staff do: read users and sessions, sign users out, verify emails,
 * recovery emails through the app, account fixes, change roles, delete, bulk actions, the spam
 * review and the audit trail.
 */
export const coreAccess = defineAccess({
  statements: {
    users: ["read", "verifyEmail", "recover", "edit", "unlinkAccount", "bulk", "setRole", "delete"],
    sessions: ["read", "revokeUser", "revokeFilter", "revokeAll"],
    spam: ["review"],
    audit: ["read"],
  },
  // The support desk fixes accounts (recovery emails, name/email, sign-in methods): the staff
  // protections still keep support and moderators off other staff members' accounts.
  grants: {
    support: { users: ["read", "verifyEmail", "recover", "edit", "unlinkAccount"], sessions: ["read", "revokeUser"] },
    moderator: { users: ["read", "verifyEmail", "recover", "edit", "unlinkAccount", "bulk"], sessions: ["read", "revokeUser", "revokeFilter"], spam: ["review"] },
    admin: {
      users: ["read", "verifyEmail", "recover", "edit", "unlinkAccount", "bulk", "setRole", "delete"],
      sessions: ["read", "revokeUser", "revokeFilter", "revokeAll"],
      spam: ["review"],
      audit: ["read"],
    },
  },
});
