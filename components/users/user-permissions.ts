import { can } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/auth/roles";
import type { Permission } from "@/lib/modules";
import { rowMenuEntries } from "@/lib/modules";
import type { UserPermissions } from "./user-actions";

/**
 * What a staff role may do to a user, for the UI (the user page's buttons, the list's row menu):
 * decided once on the server; every action checks again. `on`: the modules that are on, whose
 * row-menu items (lib/modules `userRow.menu`) the role may hold.
 */
export function userPermissions(role: StaffRole, on: ReadonlySet<string>): UserPermissions {
  return {
    moduleMenu: rowMenuEntries(on).some((e) => can(role, e.permission as Permission)),
    verifyEmail: can(role, "users.verifyEmail"),
    revokeSessions: can(role, "sessions.revokeUser"),
    setRole: can(role, "users.setRole"),
    delete: can(role, "users.delete"),
  };
}

/** True when the row menu has anything besides "Open". */
export const anyUserAction = (p: UserPermissions) => Object.values(p).some(Boolean);
