import type { DashboardModule } from "./types";

export const phoneNumberModule = {
  id: "phoneNumber",
  label: "Phone number",
  requires: { user: ["phoneNumber"] },
  optional: { user: ["phoneNumberVerified"] },
  profileFields: [
    { field: "phoneNumber", label: "Phone", kind: "text" },
    { field: "phoneNumberVerified", label: "Phone verified", kind: "boolean" },
  ],
  searchFields: ["phoneNumber"],
} as const satisfies DashboardModule;
