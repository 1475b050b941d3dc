import type { BetterAuthPlugin } from "better-auth";
import { mergeSchema } from "better-auth/db";
import type { PluginSchemaOption } from "../types";

/**
 * Better Auth's passkey plugin table, as the plugin declares it (`@better-auth/passkey`,
 * src/schema.ts; https://www.better-auth.com/docs/plugins/passkey). That package is not a dependency
 * here (it brings WebAuthn server code the dashboard never runs), so its schema is restated in the
 * plugin's own shape, once, and everything else is derived from it as for the other modules.
 */
export const passkeySchema = {
  passkey: {
    fields: {
      name: { type: "string", required: false },
      publicKey: { type: "string", required: true },
      userId: { type: "string", references: { model: "user", field: "id" }, required: true, index: true },
      credentialID: { type: "string", required: true, index: true },
      counter: { type: "number", required: true },
      deviceType: { type: "string", required: true },
      backedUp: { type: "boolean", required: true },
      transports: { type: "string", required: false },
      createdAt: { type: "date", required: false },
      aaguid: { type: "string", required: false },
    },
  },
} as const;

/**
 * The plugin as Better Auth's migrations see it: its id and its schema, renamed through the same
 * `schema` option the real plugin takes (Better Auth's own `mergeSchema`). The demo and the tests
 * create the table with it; the dashboard never serves passkey endpoints.
 */
export const passkeyPlugin = (schema?: PluginSchemaOption): BetterAuthPlugin => ({
  id: "passkey",
  schema: mergeSchema(structuredClone(passkeySchema) as never, schema as never),
});
