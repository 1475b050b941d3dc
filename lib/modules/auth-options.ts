import type { NamingOptions } from "../db/naming";
import { findModule, type ModelName, modelNames, type PluginModuleId, type PluginSchemaOption } from "./index";

/**
 * The renaming part of an app's Better Auth options, in Better Auth's own shape, so an operator can
 * paste it from their `auth.ts`: core models as `user: { modelName, fields }`, plugins by module id
 * with the `schema` option they pass to the plugin, e.g.
 *   { user: { modelName: "users" }, plugins: { admin: { schema: { user: { fields: { banned: "is_banned" } } } } } }
 */
export interface AuthSchemaOptions extends Partial<Record<ModelName, { modelName?: string; fields?: Record<string, string> }>> {
  plugins?: Partial<Record<PluginModuleId, { schema?: PluginSchemaOption }>>;
}

/**
 * The same renaming as the dashboard's name mapping (`NamingOptions.models`). A plugin's renames are
 * read back from the plugin itself (`plugin({ schema }).schema`, its `modelName` and `fieldName`),
 * so whatever Better Auth does with that option, the dashboard reads the same columns.
 */
export function modelsFromAuthOptions(options: AuthSchemaOptions): NamingOptions["models"] {
  const models: NamingOptions["models"] = {};
  const merge = (model: ModelName, modelName: string | undefined, fields: Record<string, string>) => {
    const cur = models[model] ?? {};
    models[model] = { ...cur, ...(modelName ? { modelName } : {}), fields: { ...cur.fields, ...fields } };
  };
  for (const model of modelNames) {
    const o = options[model];
    if (o) merge(model, o.modelName, o.fields ?? {});
  }
  for (const [id, o] of Object.entries(options.plugins ?? {})) {
    const plugin = findModule(id)?.plugin;
    if (!plugin) throw new Error(`plugins.${id}: no dashboard module mirrors this Better Auth plugin`);
    const schema = plugin(o?.schema).schema ?? {};
    for (const model of modelNames) {
      const table = schema[model];
      if (!table) continue;
      const fields = Object.fromEntries(
        Object.entries(table.fields).flatMap(([f, attr]) => (attr.fieldName && attr.fieldName !== f ? [[f, attr.fieldName]] : [])),
      );
      const modelName = table.modelName && table.modelName !== model ? table.modelName : undefined;
      if (modelName || Object.keys(fields).length) merge(model, modelName, fields);
    }
  }
  return models;
}
