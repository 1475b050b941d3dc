import type { BetterAuthPlugin } from "better-auth";
import type { ModuleAccess } from "./access";

/**
 * A dashboard module mirrors one Better Auth plugin (or the core schema). It owns, in its folder:
 * the logical fields it reads (derived from the plugin's own `schema`, see fields.ts), the features
 * it provides to the core, and what it adds to the UI. A module whose required fields are missing
 * from the live database is switched off (lib/db/introspect.ts) and everything it adds disappears.
 */
export const modelNames = ["user", "session", "account", "verification"] as const;
export type ModelName = (typeof modelNames)[number];

export type FieldSpec = Partial<Record<ModelName, readonly string[]>>;

/**
 * What a module lets the core do, by meaning rather than by plugin: the core asks
 * `caps.features.has("bans")`, never which plugin supplied the columns.
 */
export type Feature = "bans";

/** The plugin's `schema` option: Better Auth's own shape for renaming a plugin's tables and fields. */
export type PluginSchemaOption = Partial<Record<string, { modelName?: string; fields?: Record<string, string> }>>;

export interface ProfileField {
  /** logical field on the user model */
  field: string;
  label: string;
  kind: "text" | "boolean" | "date";
}

export interface DashboardModule {
  id: string;
  label: string;
  /**
   * The Better Auth plugin, built with a `schema` option. Its `.schema` is where the module's fields
   * come from, and the demo and the tests migrate an app's schema with it. Absent for core.
   */
  plugin?: (schema?: PluginSchemaOption) => BetterAuthPlugin;
  /** Fields that must all exist for the module to be on. */
  requires: FieldSpec;
  /** Fields read when present (the module stays on without them). */
  optional?: FieldSpec;
  /** The permissions the module defines and which staff role holds them (see access.ts). */
  access?: ModuleAccess;
  /** What the core may rely on while the module is on. */
  provides?: readonly Feature[];
  /** Extra user fields shown on the profile. */
  profileFields?: readonly ProfileField[];
  /** User fields the search box also matches (case-insensitive substring). */
  searchFields?: readonly string[];
}
