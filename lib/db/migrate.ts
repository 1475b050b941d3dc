import { betterAuth, type BetterAuthOptions } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import type { Kysely } from "kysely";
import { findModule, modelNames, type PluginModuleId } from "../modules";
import { betterAuthDatabase, coreFields, coreModelOptions, pluginSchemaOptions } from "./better-auth-schema";
import type { Naming } from "./naming";

/** A Better Auth plugin an app's schema can be created with: any module that mirrors one. */
export type AppPlugin = PluginModuleId;

/**
 * Better Auth options of an *app* (not the dashboard): the embedded demo and the tests create their
 * schema exactly as such an app would, with Better Auth's own migrations.
 */
export function appAuthOptions(db: Kysely<any>, naming: Naming, plugins: readonly AppPlugin[], extra: Partial<BetterAuthOptions> = {}): BetterAuthOptions {
  // Each module's plugin, renamed by the mapping through the plugin's own `schema` option.
  const plugin = (id: AppPlugin) => {
    const m = findModule(id);
    if (!m?.plugin) throw new Error(`no Better Auth plugin for module ${id}`);
    return m.plugin(pluginSchemaOptions(naming, fieldsOfPlugin(m.plugin().schema)));
  };
  return {
    secret: "app-secret-for-migrations-and-tests-only-000000",
    baseURL: "http://localhost:3000",
    database: betterAuthDatabase(db, naming) as BetterAuthOptions["database"],
    emailAndPassword: { enabled: true },
    user: coreModelOptions(naming, "user", coreFields.user),
    session: coreModelOptions(naming, "session", coreFields.session),
    account: coreModelOptions(naming, "account", coreFields.account),
    verification: coreModelOptions(naming, "verification", coreFields.verification),
    plugins: plugins.map(plugin),
    ...extra,
  };
}

/** The models and fields a plugin's schema defines, among the dashboard's models. */
function fieldsOfPlugin(schema: Record<string, { fields: Record<string, unknown> }> | undefined) {
  return Object.fromEntries(modelNames.filter((m) => schema?.[m]).map((m) => [m, Object.keys(schema?.[m]?.fields ?? {})]));
}

/** Creates (or completes) the Better Auth schema the way `auth migrate` would. */
export async function migrateAppSchema(db: Kysely<any>, naming: Naming, plugins: readonly AppPlugin[]): Promise<void> {
  const { runMigrations } = await getMigrations(appAuthOptions(db, naming, plugins));
  await runMigrations();
}

export const createAppAuth = (options: BetterAuthOptions) => betterAuth(options);
