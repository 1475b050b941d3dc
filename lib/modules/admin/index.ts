import { admin } from "better-auth/plugins";
import { adminAccess } from "./access";
import { adminBan } from "./ban";
import { adminIndexes } from "./indexes";
import { bannedReviewExit } from "./review";
import { adminOverviewFigures } from "./overview";
import { adminUserRow } from "./row";
import { type BanStatus, banStatusIs } from "./ban-status";
import { fieldsOf } from "../fields";
import type { DashboardModule, PluginSchemaOption } from "../types";

const plugin = (schema?: PluginSchemaOption) => admin(schema ? { schema: schema as never } : {});

/**
 * Better Auth's admin plugin: bans (and impersonation, shown on sessions when present). `role` is in
 * the plugin's schema but the dashboard requires it on its own (staff are recognised by it, see
 * lib/modules/index.ts `dashboardRequires`), so this module is on when the ban columns exist.
 */
export const adminModule = {
  id: "admin",
  label: "Admin (bans, impersonation)",
  plugin,
  ...fieldsOf(plugin().schema, { user: ["banned", "banReason", "banExpires"] }),
  ban: adminBan,
  // the ban on every user row: columns, API keys, export columns, badges, row menu, diagnosis
  userRow: adminUserRow,
  // impersonation: who started a session as the user, on every session row, a column and a filter
  sessionRow: {
    fields: ["impersonatedBy"],
    columns: [{ id: "impersonatedBy", header: "Impersonated by", field: "impersonatedBy" }],
    filters: [
      {
        key: "impersonated",
        field: "impersonatedBy",
        title: "Impersonation",
        options: [
          { value: "true", label: "Impersonation only" },
          { value: "false", label: "Not impersonated" },
        ],
      },
    ],
  },
  access: adminAccess,
  // a ban in force takes an account out of the spam review (and "Ban this wave" puts a wave's members there)
  reviewExits: [bannedReviewExit],
  audit: {
    words: { "user.ban": "banned", "user.unban": "unbanned", "users.bulk.ban": "banned", "users.bulk.unban": "unbanned" },
    filter: [["user.ban", "Ban"], ["user.unban", "Unban"], ["users.bulk.ban", "Bulk ban"], ["users.bulk.unban", "Bulk unban"]],
  },
  indexes: adminIndexes,
  // the overview's "Banned" figure (users under a ban in force)
  overviewFigures: adminOverviewFigures,
  ui: {
    paletteActions: [{ href: "/users?status=banned", label: "Show banned users", permission: "users.read" }],
    // Ban / Unban on the user page's header (ui/ban-actions.tsx reads the user's ban itself)
    userActions: [{ id: "ban", permission: "users.ban", load: () => import("./ui/ban-actions") }],
    // the Profile card's "Ban" row
    profileRows: [{ id: "ban", load: () => import("./ui/ban-profile-row") }],
    listFilters: [
      {
        key: "status",
        label: "Status",
        options: [
          { value: "active", label: "Active" },
          { value: "banned", label: "Banned" },
          { value: "expired", label: "Ban expired" },
        ],
        // value is one of the options (the URL schema's enum)
        where: (eb, value, now) => banStatusIs(eb, value as BanStatus, now),
        probe: { name: "banned users", value: "banned", index: "user_banned" },
      },
    ],
  },
} as const satisfies DashboardModule;
