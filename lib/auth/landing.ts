import { can, type Permission } from "./permissions";
import type { StaffRole } from "./roles";

/** What the overview page asks of its reader (app/(dashboard)/overview/page.tsx checks this same constant). */
export const OVERVIEW_PERMISSION: Permission = "users.read";

/**
 * Where a staff member lands when no page was asked for (`/`, sign-in without `next`): the overview,
 * the staff's landing page (issue 11), for a role that may read it; the users list otherwise, so a
 * role is never sent to a page that would refuse it.
 */
export function landingPath(role: StaffRole): string {
  return can(role, OVERVIEW_PERMISSION) ? "/overview" : "/users";
}
