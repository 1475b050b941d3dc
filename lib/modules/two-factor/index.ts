import { twoFactor } from "better-auth/plugins";
import { fieldsOf } from "../fields";
import type { DashboardModule, PluginSchemaOption } from "../types";

const plugin = (schema?: PluginSchemaOption) => twoFactor(schema ? { schema: schema as never } : {});

/** Reads only the flag on `user`; the plugin's `twoFactor` table holds secrets and has no model here. */
export const twoFactorModule = {
  id: "twoFactor",
  label: "Two-factor",
  plugin,
  ...fieldsOf(plugin().schema, { user: ["twoFactorEnabled"] }),
  profileFields: [{ field: "twoFactorEnabled", label: "Two-factor enabled", kind: "boolean" }],
} as const satisfies DashboardModule;
