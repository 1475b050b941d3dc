import { defineAccess } from "../access";

/**
 * Organizations: every staff role may look (support answers "which org is this user in?"); changing
 * memberships (remove a member, change a role, cancel an invitation) is for moderators and admins,
 * as with bans.
 */
export const organizationAccess = defineAccess({
  statements: { organizations: ["read", "manage"] },
  grants: {
    support: { organizations: ["read"] },
    moderator: { organizations: ["read", "manage"] },
    admin: { organizations: ["read", "manage"] },
  },
});
