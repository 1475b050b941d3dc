import { getAuthTables } from "better-auth/db";
import { coreAccess } from "./access";
import { fieldsOf } from "../fields";
import type { DashboardModule } from "../types";

/**
 * Better Auth's core schema, from `getAuthTables` (what its migrations create). `id` is implicit in
 * Better Auth's field lists. `verification` is not read, so nothing of it is required; the account
 * secrets are known (so the name mapping can translate them) but never selected.
 */
const id = { user: ["id"], session: ["id"], account: ["id"], verification: ["id"] } as const;

export const coreModule = {
  id: "core",
  label: "Core",
  ...fieldsOf(getAuthTables({}), {
    user: ["id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt"],
    session: ["id", "expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId"],
    account: ["id", "accountId", "providerId", "userId", "createdAt", "updatedAt"],
  }, id),
  access: coreAccess,
  ui: {
    nav: [
      { href: "/overview", label: "Overview", permission: "users.read" },
      { href: "/users", label: "Users", permission: "users.read" },
      { href: "/sessions", label: "Sessions", permission: "sessions.read" },
      { href: "/spam", label: "Spam", permission: "spam.review" },
      { href: "/audit", label: "Audit", permission: "audit.read" },
    ],
    paletteActions: [
      { href: "/users?verified=false", label: "Show unverified users", permission: "users.read" },
      { href: "/sessions", label: "Revoke a user's sessions", permission: "sessions.revokeUser" },
      { href: "/sessions", label: "Revoke all matching sessions", permission: "sessions.revokeFilter" },
      { href: "/spam", label: "Review spam and ban waves", permission: "spam.review" },
      { href: "/audit", label: "Read the audit log", permission: "audit.read" },
    ],
  },
} as const satisfies DashboardModule;
