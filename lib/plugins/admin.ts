import type { DashboardModule } from "./types";

/**
 * Better Auth's admin plugin. `role` is required by the dashboard itself (it is how staff are
 * recognised, see lib/auth/staff.ts); this module is about bans and impersonation.
 */
export const adminModule = {
  id: "admin",
  label: "Admin (bans, impersonation)",
  requires: { user: ["banned", "banReason", "banExpires"] },
  optional: { session: ["impersonatedBy"] },
} as const satisfies DashboardModule;
