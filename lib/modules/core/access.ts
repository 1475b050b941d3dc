import { defineAccess } from "../access";

/**
 * What the core dashboard lets staff do: read users and sessions, sign users out, verify emails,
 * change roles, delete, bulk actions, the spam review and the audit trail. Today's grants exactly.
 */
export const coreAccess = defineAccess({
  statements: {
    users: ["read", "verifyEmail", "bulk", "setRole", "delete"],
    sessions: ["read", "revokeUser", "revokeFilter", "revokeAll"],
    spam: ["review"],
    audit: ["read"],
  },
  grants: {
    support: { users: ["read", "verifyEmail"], sessions: ["read", "revokeUser"] },
    moderator: { users: ["read", "verifyEmail", "bulk"], sessions: ["read", "revokeUser", "revokeFilter"], spam: ["review"] },
    admin: {
      users: ["read", "verifyEmail", "bulk", "setRole", "delete"],
      sessions: ["read", "revokeUser", "revokeFilter", "revokeAll"],
      spam: ["review"],
      audit: ["read"],
    },
  },
});
