import { defineAccess } from "../access";
import { fieldsOf } from "../fields";
import type { DashboardModule } from "../types";
import { passkeyPlugin, passkeySchema } from "./schema";
import { passkeySignInMethods } from "./sign-in-methods";

/**
 * Better Auth's passkey plugin: a user's registered passkeys, listed on the user page. On when the
 * `passkey` table has the columns the panel needs; the rest of the plugin's fields are known to the
 * name mapping but never selected (see queries.ts). Removing a passkey (a lost device) is a support
 * task: actions/remove-passkey.ts, never the user's last way to sign in.
 */
export const passkeyModule = {
  id: "passkey",
  label: "Passkeys",
  plugin: passkeyPlugin,
  ...fieldsOf(passkeySchema, { passkey: ["id", "userId", "deviceType", "backedUp"] }, { passkey: ["id"] }, ["passkey"]),
  // a passkey is a way to sign in: the last-way-in guard counts it
  signInMethods: passkeySignInMethods,
  // the users list's sign-in-method filter suggests it (an account's provider id)
  signInOptions: [{ value: "passkey", label: "Passkey" }],
  access: defineAccess({
    statements: { passkeys: ["remove"] },
    grants: { support: { passkeys: ["remove"] }, moderator: { passkeys: ["remove"] }, admin: { passkeys: ["remove"] } },
  }),
  audit: { words: { "user.passkey.remove": "removed a passkey of" }, filter: [["user.passkey.remove", "Remove a passkey"]] },
  ui: {
    userPanels: [{ id: "passkeys", title: "Passkeys", permission: "users.read", load: () => import("./ui/passkeys-panel") }],
  },
} as const satisfies DashboardModule;
