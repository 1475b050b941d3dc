import { type StaffRole, staffRoles } from "./roles";

/**
 * What each staff role may do: the least role that holds each permission. Checked on the server by
 * requireStaff()/the API wrapper for every page, route and action; the UI only mirrors it.
 */
export const permissions = {
  "users.read": "support",
  "sessions.read": "support",
  "sessions.revokeUser": "support",
  "users.verifyEmail": "support",
  "users.ban": "moderator",
  "users.bulk": "moderator",
  "sessions.revokeFilter": "moderator",
  "spam.review": "moderator",
  "users.setRole": "admin",
  "users.delete": "admin",
  "sessions.revokeAll": "admin",
  "audit.read": "admin",
} as const satisfies Record<string, StaffRole>;
export type Permission = keyof typeof permissions;

/**
 * Denies anything it does not know: an unknown permission (or role) must not compare as -1 >= -1,
 * and `__proto__` must not resolve through the prototype.
 */
export function can(role: StaffRole, permission: Permission): boolean {
  if (!Object.hasOwn(permissions, permission)) return false;
  const have = staffRoles.indexOf(role);
  return have >= 0 && have >= staffRoles.indexOf(permissions[permission]);
}
