import type { DashboardModule } from "./types";

/** Reads only the flag on `user`; the `twoFactor` table holds secrets and is never read. */
export const twoFactorModule = {
  id: "twoFactor",
  label: "Two-factor",
  requires: { user: ["twoFactorEnabled"] },
  profileFields: [{ field: "twoFactorEnabled", label: "Two-factor enabled", kind: "boolean" }],
} as const satisfies DashboardModule;
