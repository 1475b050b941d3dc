import { getAuthTables } from "better-auth/db";
import type { ModelName } from "../modules";
import type { Naming } from "./naming";

/**
 * Translates the dashboard's name mapping into Better Auth's option shapes: `user: { modelName,
 * fields }` for core fields and `schema: { user: { fields } }` for a plugin's own fields.
 */
export function coreModelOptions(naming: Naming, model: ModelName, coreFields: readonly string[] = []) {
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

/** Better Auth's core fields per core model (without `id`), as its migrations create them. */
export const coreFields: Partial<Record<ModelName, readonly string[]>> = Object.fromEntries(
  Object.entries(getAuthTables({})).map(([model, table]) => [model, Object.keys(table.fields)]),
);

/** `database` option for Better Auth on a shared Kysely instance, honouring a non-public schema. */
export function betterAuthDatabase(db: unknown, naming: Naming) {
  const schemaName = naming.options.schema === "public" ? undefined : naming.options.schema;
  return { db, type: "postgres", ...(schemaName ? { schemaName } : {}) } as const;
}
