import { organization } from "better-auth/plugins";
import type { PluginSchemaOption } from "../types";

/**
 * Better Auth's organization plugin, as the app's migrations see it, renamed through the plugin's
 * own `schema` option. Teams are enabled so the demo and the tests have the team tables; the
 * dashboard reads them only where the app has them (the module is on without them).
 */
export const organizationPlugin = (schema?: PluginSchemaOption) =>
  organization({ teams: { enabled: true }, ...(schema ? { schema: schema as never } : {}) });

/** The plugin's tables (organization, member, invitation, team, teamMember, and session's two fields). */
export const organizationSchema = organizationPlugin().schema;

/** The plugin's owner role (its `creatorRole` default): an organization must keep one. */
export const OWNER_ROLE = "owner";

/** A member's roles: the plugin stores several comma-separated ("admin,owner"). */
export const rolesOf = (role: string) => role.split(",").map((r) => r.trim()).filter(Boolean);
