import type { DashboardModule } from "./types";

/** Better Auth's core schema. `verification` is not read by the dashboard, so it is not required. */
export const coreModule = {
  id: "core",
  label: "Core",
  requires: {
    user: ["id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt"],
    session: ["id", "expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId"],
    account: ["id", "accountId", "providerId", "userId", "createdAt", "updatedAt"],
  },
  // Secret columns are declared so the name mapping knows them; the dashboard never selects them.
  optional: {
    account: ["accessToken", "refreshToken", "idToken", "accessTokenExpiresAt", "refreshTokenExpiresAt", "scope", "password"],
    verification: ["id", "identifier", "value", "expiresAt", "createdAt", "updatedAt"],
  },
} as const satisfies DashboardModule;
