import type { BetterAuthPlugin } from "better-auth";
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { ReactNode } from "react";
import type { StaffRole } from "../auth/roles";
import type { Q } from "../db/context";
import type { Naming } from "../db/naming";
import type { IndexSpec } from "../doctor/indexes";
import type { DB } from "../db/schema";
import type { ModuleAccess } from "./access";

/**
 * A dashboard module mirrors one Better Auth plugin (or the core schema). It owns, in its folder:
 * the logical fields it reads (derived from the plugin's own `schema`, see fields.ts), the features
 * it provides to the core, and what it adds to the UI. A module whose required fields are missing
 * from the live database is switched off (lib/db/introspect.ts) and everything it adds disappears.
 */
/**
 * A table the dashboard has a model for. The type is the Kysely schema's (lib/db/schema.ts, static
 * interfaces for the query types); the runtime list (`modelNames` in index.ts) is derived from the
 * registered modules: Better Auth's core tables plus the plugin tables a module declares it reads.
 */
export type ModelName = keyof DB & string;

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

/**
 * A permission name such as "users.read". Typed loosely here (the precise union is derived from the
 * registry, which is built from these declarations); test/modules.test.ts checks every permission a
 * module's UI names is one some module defines.
 */
export type PermissionName = `${string}.${string}`;

/** A link in the main navigation or the command palette, shown to roles holding `permission`. */
export interface NavEntry {
  href: string;
  label: string;
  permission: PermissionName;
}

export interface UserPanelProps {
  q: Q;
  userId: string;
  /** the user's email, for confirmations that name whom they act on */
  email: string;
  /** the signed-in staff member's role: a panel offers only the actions it may take */
  role: StaffRole;
  now: Date;
}

/**
 * A panel on the user page (app/(dashboard)/users/[id]): a server component in the module's ui/
 * folder, loaded lazily so that the declarations (which the schema layer imports) never load React
 * code, and rendered in its own Suspense boundary, only while the module is on and only for roles
 * holding `permission`.
 */
export interface UserPanel {
  id: string;
  title: string;
  permission: PermissionName;
  load: () => Promise<{ default: (props: UserPanelProps) => ReactNode | Promise<ReactNode> }>;
}

/**
 * A filter on the users list, e.g. the admin plugin's ban status. Its values are a closed list: the
 * URL schema accepts exactly `options` (anything else is a 400), and `where` is the SQL for one of
 * them, so the URL reaches SQL only through this whitelist. The URL schema knows every registered
 * module's filters; on a database where the module is off the list answers 400 naming the key, and
 * the toolbar does not offer it.
 */
export interface ListFilter {
  /** the URL key, unique across modules (test/modules.test.ts) */
  key: string;
  label: string;
  options: readonly { value: string; label: string }[];
  where: (eb: ExpressionBuilder<DB, "user">, value: string, now: Date) => Expression<SqlBool>;
}

/** What the browser receives of a filter: no SQL. */
export type ListFilterView = Pick<ListFilter, "key" | "label" | "options">;

/**
 * A column on the users list showing one user field of the module (read with the row when the
 * column exists). Declarative, so the server sends only the values and the table renders them.
 */
export interface ListColumn {
  id: string;
  header: string;
  /** logical field on the user model */
  field: string;
  kind: "text" | "boolean";
}

/**
 * A key the module adds to the user in GET /api/v1/users/:id (e.g. the organization module's
 * `memberships`), for roles holding `permission`, only while the module is on. Loaded lazily from
 * the module's ui/ folder, like a panel, so the declaration never loads query code.
 */
export interface UserApiField {
  key: string;
  permission: PermissionName;
  load: () => Promise<{ default: (q: Q, userId: string) => Promise<unknown> }>;
}

/** What a module adds to the dashboard's frame and pages; the core renders it, never names it. */
export interface ModuleUi {
  /** sections of the main navigation (also offered by the command palette) */
  nav?: readonly NavEntry[];
  /** shortcuts the command palette offers */
  paletteActions?: readonly NavEntry[];
  userPanels?: readonly UserPanel[];
  /** filters on the users list (lib/users/list-params.ts composes them into the URL schema) */
  listFilters?: readonly ListFilter[];
  /** columns on the users list (after the core's sign-in methods) */
  listColumns?: readonly ListColumn[];
  /** keys added to the user in the JSON API's user detail */
  userApiFields?: readonly UserApiField[];
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
  /** Indexes its own pages need, named by the doctor (lib/doctor) while the module is on. */
  indexes?: (n: Naming) => IndexSpec[];
  /** Navigation entries and panels the module contributes (see ModuleUi). */
  ui?: ModuleUi;
}
