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

export function can(role: StaffRole, permission: Permission): boolean {
  return staffRoles.indexOf(role) >= staffRoles.indexOf(permissions[permission]);
}
