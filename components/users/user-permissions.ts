import { can } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/auth/roles";
import type { UserPermissions } from "./user-actions";

/**
 * What a staff role may do to a user, for the UI (the user page's buttons, the list's row menu):
 * decided once on the server; every action checks again. Bans need the admin plugin's columns.
 */
export function userPermissions(role: StaffRole, bansTracked: boolean): UserPermissions {
  return {
    ban: bansTracked && can(role, "users.ban"),
    verifyEmail: can(role, "users.verifyEmail"),
    revokeSessions: can(role, "sessions.revokeUser"),
    setRole: can(role, "users.setRole"),
    delete: can(role, "users.delete"),
  };
}

/** True when the row menu has anything besides "Open". */
export const anyUserAction = (p: UserPermissions) => Object.values(p).some(Boolean);
