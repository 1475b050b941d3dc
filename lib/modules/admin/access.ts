import { defineAccess } from "../access";

/** Bans (Better Auth's admin plugin `user: ["ban"]` statement): moderators and admins. */
export const adminAccess = defineAccess({
  statements: { users: ["ban"] },
  grants: { support: {}, moderator: { users: ["ban"] }, admin: { users: ["ban"] } },
});
