import { twoFactor } from "better-auth/plugins";
import { defineAccess } from "../access";
import { fieldsOf } from "../fields";
import type { DashboardModule, PluginSchemaOption } from "../types";

const plugin = (schema?: PluginSchemaOption) => twoFactor(schema ? { schema: schema as never } : {});

/**
 * Reads the flag on `user`. The plugin's `twoFactor` table holds secrets: it is known (so its rows
 * can be deleted when staff remove two-factor) but never selected.
 */
export const twoFactorModule = {
  id: "twoFactor",
  label: "Two-factor",
  plugin,
  // the twoFactor table is read (known to the mapping) only so its rows can be deleted
  ...fieldsOf(plugin().schema, { user: ["twoFactorEnabled"] }, {}, ["twoFactor"]),
  profileFields: [{ field: "twoFactorEnabled", label: "Two-factor enabled", kind: "boolean" }],
  // the sign-in diagnosis: a second factor is part of signing in
  userRow: {
    findings: {
      at: "method",
      of: (u) =>
        u.twoFactorEnabled === true ? [{ level: "info", code: "two_factor", title: "Two-factor enabled", detail: "Sign-in also needs their authenticator app or a backup code." }] : [],
    },
  },
  // Removing a lost authenticator is the support desk's most common ticket.
  access: defineAccess({
    statements: { twoFactor: ["disable"] },
    grants: { support: { twoFactor: ["disable"] }, moderator: { twoFactor: ["disable"] }, admin: { twoFactor: ["disable"] } },
  }),
  audit: { words: { "user.twoFactor.disable": "removed two-factor from" }, filter: [["user.twoFactor.disable", "Remove two-factor"]] },
  ui: {
    accountFixes: [{ id: "remove-two-factor", permission: "twoFactor.disable", load: () => import("./ui/remove-two-factor") }],
  },
} as const satisfies DashboardModule;
