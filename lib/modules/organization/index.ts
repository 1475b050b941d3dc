import { fieldsOf } from "../fields";
import type { DashboardModule } from "../types";
import { organizationAccess } from "./access";
import { organizationIndexes } from "./indexes";
import { organizationPlugin, organizationSchema } from "./schema";

/**
 * Better Auth's organization plugin: organizations, their members (with roles) and pending
 * invitations, and teams where the app enabled them. On when the organization, member and
 * invitation tables have the columns the pages need; team and teamMember are read when present.
 */
export const organizationModule = {
  id: "organization",
  label: "Organizations",
  plugin: organizationPlugin,
  ...fieldsOf(
    organizationSchema,
    {
      organization: ["id", "name", "slug", "createdAt"],
      member: ["id", "organizationId", "userId", "role", "createdAt"],
      invitation: ["id", "organizationId", "email", "role", "status", "expiresAt"],
    },
    { organization: ["id"], member: ["id"], invitation: ["id"], team: ["id"], teamMember: ["id"] },
    ["organization", "member", "invitation", "team", "teamMember"],
  ),
  access: organizationAccess,
  indexes: organizationIndexes,
  audit: {
    words: {
      "organization.member.remove": "removed a member from",
      "organization.member.setRole": "changed a member's role in",
      "organization.invitation.cancel": "canceled an invitation to",
    },
    filter: [
      ["organization", "Any organization action"], ["organization.member.remove", "Remove a member"], ["organization.member.setRole", "Change a member's role"],
      ["organization.invitation.cancel", "Cancel an invitation"],
    ],
    targets: { organization: (id) => `/organizations/${encodeURIComponent(id)}` },
  },
  ui: {
    nav: [{ href: "/organizations", label: "Organizations", permission: "organizations.read" }],
    userPanels: [{ id: "memberships", title: "Organizations", permission: "organizations.read", load: () => import("./ui/memberships-panel") }],
    userApiFields: [{ key: "memberships", permission: "organizations.read", load: () => import("./ui/memberships-api") }],
  },
} as const satisfies DashboardModule;
