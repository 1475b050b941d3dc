import { fieldsOf } from "../fields";
import type { DashboardModule } from "../types";
import { passkeyPlugin, passkeySchema } from "./schema";

/**
 * Better Auth's passkey plugin: a user's registered passkeys, listed on the user page. On when the
 * `passkey` table has the columns the panel needs; the rest of the plugin's fields are known to the
 * name mapping but never selected (see queries.ts). Actions (e.g. removing a passkey) go in actions/.
 */
export const passkeyModule = {
  id: "passkey",
  label: "Passkeys",
  plugin: passkeyPlugin,
  ...fieldsOf(passkeySchema, { passkey: ["id", "userId", "deviceType", "backedUp"] }, { passkey: ["id"] }, ["passkey"]),
  ui: {
    userPanels: [{ id: "passkeys", title: "Passkeys", permission: "users.read", load: () => import("./ui/passkeys-panel") }],
  },
} as const satisfies DashboardModule;
