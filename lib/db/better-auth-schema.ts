import type { ModelName } from "../plugins";
import type { Naming } from "./naming";

/**
 * Translates the dashboard's name mapping into Better Auth's option shapes: `user: { modelName,
 * fields }` for core fields and `schema: { user: { fields } }` for a plugin's own fields.
 */
export function coreModelOptions(naming: Naming, model: ModelName, coreFields: readonly string[]) {
  const fields = Object.fromEntries(coreFields.filter((f) => f !== "id").map((f) => [f, naming.column(model, f)]));
  return { modelName: naming.table(model), fields };
}

export function pluginSchemaOptions(naming: Naming, spec: Partial<Record<ModelName, readonly string[]>>) {
  return Object.fromEntries(
    Object.entries(spec).map(([model, fields]) => [
      model,
      { modelName: naming.table(model as ModelName), fields: Object.fromEntries(fields.map((f) => [f, naming.column(model as ModelName, f)])) },
    ]),
  );
}

export const coreFields = {
  user: ["name", "email", "emailVerified", "image", "createdAt", "updatedAt"],
  session: ["expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId"],
  account: [
    "accountId", "providerId", "userId", "accessToken", "refreshToken", "idToken",
    "accessTokenExpiresAt", "refreshTokenExpiresAt", "scope", "password", "createdAt", "updatedAt",
  ],
  verification: ["identifier", "value", "expiresAt", "createdAt", "updatedAt"],
} as const satisfies Record<ModelName, readonly string[]>;

/** `database` option for Better Auth on a shared Kysely instance, honouring a non-public schema. */
export function betterAuthDatabase(db: unknown, naming: Naming) {
  const schemaName = naming.options.schema === "public" ? undefined : naming.options.schema;
  return { db, type: "postgres", ...(schemaName ? { schemaName } : {}) } as const;
}
