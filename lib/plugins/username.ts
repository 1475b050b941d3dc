import type { DashboardModule } from "./types";

export const usernameModule = {
  id: "username",
  label: "Username",
  requires: { user: ["username"] },
  optional: { user: ["displayUsername"] },
  profileFields: [
    { field: "username", label: "Username", kind: "text" },
    { field: "displayUsername", label: "Display username", kind: "text" },
  ],
  searchFields: ["username"],
} as const satisfies DashboardModule;
