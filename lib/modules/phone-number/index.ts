import { phoneNumber } from "better-auth/plugins";
import { fieldsOf } from "../fields";
import type { DashboardModule, PluginSchemaOption } from "../types";

// sendOTP is required by the plugin's options; the dashboard never sends one.
const plugin = (schema?: PluginSchemaOption) => phoneNumber({ sendOTP: () => {}, ...(schema ? { schema: schema as never } : {}) });

export const phoneNumberModule = {
  id: "phoneNumber",
  label: "Phone number",
  plugin,
  ...fieldsOf(plugin().schema, { user: ["phoneNumber"] }),
  profileFields: [
    { field: "phoneNumber", label: "Phone", kind: "text" },
    { field: "phoneNumberVerified", label: "Phone verified", kind: "boolean" },
  ],
  searchFields: ["phoneNumber"],
} as const satisfies DashboardModule;
