import { type ModelName, modelNames, modules } from "../modules";

/**
 * What the dashboard needs to know about an app's schema, read from the app's own Better Auth
 * options (its `auth.ts`) instead of being repeated in environment variables. The result is the same
 * environment variables the server parses (lib/config.ts), so the server never imports the app's
 * code and a deployment without the app's code (a container) can set them by hand.
 *
 * Only plain data is read: model and field names, the plugins' `id` and `schema` (which already hold
 * the renames the app passed to each plugin), session and email-verification settings. No endpoint is
 * called; the one function run is a database adapter's factory (to read its `usePlural`), which
 * builds the adapter object and opens nothing.
 */

type Fields = Record<string, { fieldName?: string }>;
interface PluginLike {
  id?: unknown;
  schema?: Partial<Record<string, { modelName?: string; fields?: Fields }>>;
}
interface ModelOptions {
  modelName?: string;
  fields?: Record<string, string>;
}
/** The part of BetterAuthOptions read here (kept loose: the app may run another Better Auth version). */
export interface AppAuthOptions {
  database?: unknown;
  plugins?: unknown[];
  user?: ModelOptions;
  session?: ModelOptions & { storeSessionInDatabase?: boolean; preserveSessionInDatabase?: boolean; cookieCache?: { enabled?: boolean; maxAge?: number } };
  account?: ModelOptions;
  verification?: ModelOptions;
  secondaryStorage?: unknown;
  emailVerification?: { sendVerificationEmail?: unknown };
  emailAndPassword?: { enabled?: boolean; requireEmailVerification?: boolean };
  advanced?: { database?: { generateId?: unknown; useNumberId?: boolean } };
}

export interface DerivedConfig {
  /** environment for the server (lib/config.ts names) */
  env: Record<string, string>;
  /** Better Auth plugin ids, as the app lists them */
  plugins: string[];
  /** plugins no dashboard module mirrors yet (their tables are not shown) */
  unmirrored: string[];
  userTable: string;
  usePlural: boolean | undefined;
  sessionsInSecondaryStorage: boolean;
  emailVerification: boolean;
  generateId: string | undefined;
}

/** A Better Auth instance (`betterAuth(...)`, with `.options`) or its options object, as an auth.ts exports it. */
export function authOptionsOf(exported: unknown): AppAuthOptions | null {
  if (!exported || typeof exported !== "object") return null;
  const o = exported as { options?: unknown; handler?: unknown; api?: unknown };
  if (o.options && typeof o.options === "object" && (o.handler || o.api)) return o.options as AppAuthOptions;
  if ("plugins" in o || "database" in o || "emailAndPassword" in o || "user" in o || "socialProviders" in o) return o as AppAuthOptions;
  return null;
}

/** Better Auth plugin id ("two-factor") → the dashboard module mirroring it ("twoFactor"). */
const moduleIdOf = (pluginId: string) => {
  const camel = pluginId.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return modules.find((m) => m.id === camel && m.id !== "core")?.id;
};

function readUsePlural(options: AppAuthOptions): boolean | undefined {
  const db = options.database;
  if (typeof db !== "function") return undefined;
  try {
    const adapter = (db as (o: unknown) => { options?: { adapterConfig?: { usePlural?: boolean }; usePlural?: boolean } })(options);
    return adapter?.options?.adapterConfig?.usePlural ?? adapter?.options?.usePlural;
  } catch {
    return undefined; // an adapter that cannot be built outside the app: usePlural stays as the environment says
  }
}

export function deriveConfig(options: AppAuthOptions): DerivedConfig {
  const models: Partial<Record<ModelName, { modelName?: string; fields?: Record<string, string> }>> = {};
  const merge = (model: ModelName, modelName: string | undefined, fields: Record<string, string>) => {
    const cur = models[model] ?? {};
    const next = { ...cur, ...(modelName && modelName !== model ? { modelName } : {}), fields: { ...cur.fields, ...fields } };
    if (Object.keys(next.fields).length === 0) delete (next as { fields?: unknown }).fields;
    if (next.modelName || next.fields) models[model] = next;
  };
  for (const model of modelNames) {
    const o = (options as Partial<Record<ModelName, ModelOptions>>)[model];
    if (o) merge(model, o.modelName, o.fields ?? {});
  }
  const plugins: string[] = [];
  const unmirrored: string[] = [];
  for (const p of (options.plugins ?? []) as PluginLike[]) {
    if (!p || typeof p.id !== "string") continue;
    plugins.push(p.id);
    if (!moduleIdOf(p.id)) unmirrored.push(p.id);
    // Renames the app gave the plugin are in its own schema (modelName, fieldName), whatever the plugin.
    for (const model of modelNames) {
      const table = p.schema?.[model];
      if (!table) continue;
      const fields = Object.fromEntries(Object.entries(table.fields ?? {}).flatMap(([f, a]) => (a?.fieldName && a.fieldName !== f ? [[f, a.fieldName]] : [])));
      merge(model, table.modelName, fields);
    }
  }
  const usePlural = readUsePlural(options);
  const session = options.session ?? {};
  const secondary = Boolean(options.secondaryStorage);
  const env: Record<string, string> = { AUTH_DB_MAPPING: JSON.stringify(models) };
  if (usePlural !== undefined) env.AUTH_DB_PLURAL = String(usePlural);
  env.SESSION_COOKIE_CACHE_MAX_AGE = String(session.cookieCache?.enabled ? (session.cookieCache.maxAge ?? 300) : 0);
  env.AUTH_PRESERVE_SESSION_IN_DATABASE = String(Boolean(session.preserveSessionInDatabase));
  const generateId = options.advanced?.database?.generateId;
  return {
    env,
    plugins,
    unmirrored,
    userTable: models.user?.modelName ?? (usePlural ? "users" : "user"),
    usePlural,
    sessionsInSecondaryStorage: secondary && !session.storeSessionInDatabase,
    emailVerification: Boolean(options.emailVerification?.sendVerificationEmail || options.emailAndPassword?.requireEmailVerification),
    generateId: typeof generateId === "string" ? generateId : generateId === false ? "database" : options.advanced?.database?.useNumberId ? "serial" : undefined,
  };
}

/** The line the command prints: "found lib/auth.ts: plugins admin, organization, two-factor; user table `users`". */
export function describeDerived(file: string, d: DerivedConfig): string {
  const plugins = d.plugins.length ? `plugins ${d.plugins.map((p) => (d.unmirrored.includes(p) ? `${p} (not shown yet)` : p)).join(", ")}` : "no plugins";
  const extra = [
    d.usePlural !== undefined ? `usePlural ${d.usePlural}` : "",
    d.sessionsInSecondaryStorage ? "sessions in secondaryStorage (set REDIS_URL to the same store)" : "",
    d.emailVerification ? "email verification on" : "",
    d.generateId ? `ids: ${d.generateId}` : "",
  ].filter(Boolean);
  return `found ${file}: ${plugins}; user table \`${d.userTable}\`${extra.length ? `; ${extra.join("; ")}` : ""}`;
}
