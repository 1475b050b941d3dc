import { username } from "better-auth/plugins";
import { fieldsOf } from "../fields";
import type { DashboardModule, PluginSchemaOption } from "../types";

const plugin = (schema?: PluginSchemaOption) => username(schema ? { schema: schema as never } : {});

export const usernameModule = {
  id: "username",
  label: "Username",
  plugin,
  ...fieldsOf(plugin().schema, { user: ["username"] }),
  profileFields: [
    { field: "username", label: "Username", kind: "text" },
    { field: "displayUsername", label: "Display username", kind: "text" },
  ],
  searchFields: ["username"],
  ui: {
    listColumns: [{ id: "username", header: "Username", field: "username", kind: "text" }],
    editFields: [
      { field: "username", label: "Username" },
      { field: "displayUsername", label: "Display username" },
    ],
  },
} as const satisfies DashboardModule;
