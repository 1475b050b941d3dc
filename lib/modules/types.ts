import type { BetterAuthPlugin } from "better-auth";
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { ReactNode } from "react";
import type { StaffRole } from "../auth/roles";
import type { Q } from "../db/context";
import type { Naming } from "../db/naming";
import type { IndexSpec } from "../doctor/indexes";
import type { DB } from "../db/schema";
import type { CsvValue } from "../export/csv";
import type { Finding } from "../users/diagnose";
import type { ModuleAccess } from "./access";

/**
 * A dashboard module mirrors one Better Auth plugin (or the core schema). It owns, in its folder:
 * the logical fields it reads (derived from the plugin's own `schema`, see fields.ts), what it
 * contributes to the core (a ban, say), and what it adds to the UI. A module whose required fields are missing
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
 * Keeping a user out (Better Auth's admin plugin: bans), contributed by a module and found by the
 * core through the registry (`banOf(caps)`), never by plugin: "is there a ban?", not "is admin on?".
 * Declarations only (SQL and pure functions): the actions that set and lift a ban are the module's
 * own (`actions/`), as are the users-list filter, the badges and the user page's panel.
 */
export interface ModuleBan {
  /** the user fields a ban lives in: read with an action's targets and the dashboard's own session */
  fields: readonly string[];
  /** SQL: a ban is in force for this user now (not an effective admin; the spam review reads the same rule through the module's ReviewExit) */
  inForce: (eb: ExpressionBuilder<DB, "user">, now: Date) => Expression<SqlBool>;
  /** The same rule on a row read with `fields` (a missing field reads as null; dates may be ISO strings). */
  inForceOf: (row: Readonly<Record<string, unknown>>, now: Date) => boolean;
  /**
   * The fields `inForceOf` needs, by Better Auth field type: read with every staff session (the
   * dashboard's own Better Auth instance's additionalFields), so a ban takes a staff role away at once.
   */
  sessionFields: Readonly<Record<string, "boolean" | "date" | "string">>;
}

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
  /** what `npm run doctor` explains for this filter: one value and the index (an `indexes` id) serving it */
  probe?: { name: string; value: string; index: string };
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

/**
 * A user field staff may fix in the user page's "Edit profile" dialog (a text input; empty clears
 * it). The core's update action (lib/modules/core/actions/update-user.ts) validates and writes it.
 */
export interface EditField {
  /** logical field on the user model; offered only while its column exists */
  field: string;
  label: string;
}

/** What a module's action on the user page's header is given: the panel's props and the live sessions. */
export interface UserActionProps extends UserPanelProps {
  activeSessions: number;
}

/**
 * An action the module adds to the user page's header (e.g. the admin plugin's Ban / Unban): a
 * server component in the module's ui/ folder, loaded lazily, rendered before the core's actions for
 * roles holding `permission` while the module is on. It reads the user's state it needs itself.
 */
export interface UserAction {
  id: string;
  permission: PermissionName;
  load: () => Promise<{ default: (props: UserActionProps) => ReactNode | Promise<ReactNode> }>;
}

/**
 * A control the module adds to the user page's "Account fixes" panel (e.g. two-factor's "Remove
 * two-factor"): a server component in the module's ui/ folder, loaded lazily like a panel, rendered
 * for roles holding `permission` only while the module is on. It decides itself whether it applies.
 */
export interface AccountFix {
  id: string;
  permission: PermissionName;
  load: () => Promise<{ default: (props: UserPanelProps) => ReactNode | Promise<ReactNode> }>;
}

/**
 * A user's fields as a module's row contribution reads them: the module's `userRow.fields` (null
 * while it is off) and the profile fields whose columns exist, by logical name.
 */
export type UserFacts = Readonly<Record<string, unknown>>;

/** A state badge on a users-list row and the user page's header (e.g. "Banned"), decided on the server. */
export interface RowBadge {
  label: string;
  tone: "neutral" | "success" | "warning" | "danger" | "info" | "accent";
  title?: string;
}

/**
 * An item a module adds to a users-list row's menu, shown when `when` holds for the user and the
 * role holds `permission`. `dialog` names one of the module's client dialogs (its client entry,
 * lib/modules/<id>/client.ts `rowDialogs`, names their chunk); destructive items are listed after the core's "Sign out
 * everywhere…", the others after "Change role…".
 */
export interface RowMenuEntry {
  dialog: string;
  label: string;
  permission: PermissionName;
  destructive?: boolean;
  when: (u: UserFacts, now: Date) => boolean;
}

/** What a row's menu item is in the browser: serializable, its module named for the dialog's chunk. */
export type RowMenuItem = Pick<RowMenuEntry, "dialog" | "label" | "destructive"> & { module: string };

/**
 * What a module contributes to every user row the core reads (the users list, the user page, the
 * JSON API, the export, the sign-in diagnosis), e.g. the admin plugin's ban. Pure declarations: the
 * core selects `fields`, and asks the functions what the row shows, never naming the module.
 */
export interface UserRowPart {
  /**
   * User fields read with every row, typed on the core's UserRow (lib/users/queries.ts) through the
   * registry's `ModuleRowFields`; selected while the module is on, null while it is off.
   */
  fields?: readonly string[];
  /**
   * Keys of the API's User, after `role`. Present whether the module is on or off (the functions
   * see nulls), so the API's shape never depends on the database.
   */
  api?: (u: UserFacts, now: Date) => Record<string, unknown>;
  /** Columns of the users export, after `role`; like `api`, always present (a stable header). */
  exportColumns?: readonly { header: string; cell: (u: UserFacts, now: Date) => CsvValue }[];
  /** the row's state badges (list, user page header), while the module is on */
  badges?: (u: UserFacts, now: Date) => RowBadge[];
  /**
   * Findings of the sign-in diagnosis, while the module is on: `state` ones come before the core's
   * (sign-in methods, verification), `method` ones after them, before the sessions'.
   */
  findings?: { at: "state" | "method"; of: (u: UserFacts, now: Date) => Finding[] };
  /** the row menu's items (filtered by `when` and `permission` on the server) */
  menu?: readonly RowMenuEntry[];
}

/**
 * What a module adds to every session row the core reads (the sessions list, a user's sessions, the
 * store's sessions, the API, the export), e.g. the admin plugin's impersonation.
 */
export interface SessionRowPart {
  /**
   * Session fields every row carries, typed on the core's rows through the registry's
   * `ModuleSessionFields`; null when the column is missing, so the API's and the export's shape
   * never depend on the database.
   */
  fields: readonly string[];
  /** columns of the sessions tables showing a field that holds a user id (a link to that user) */
  columns?: readonly { id: string; header: string; field: string }[];
  /**
   * Presence filters on the sessions list: `key` (a key of lib/sessions/search-params.ts) true → the
   * field is set, false → it is not; offered while the column exists, a 400 naming it otherwise.
   */
  filters?: readonly { key: string; field: string; title: string; options: readonly { value: "true" | "false"; label: string }[] }[];
}

/** How the audit log shows a module's actions (lib/audit/describe.ts, the audit page's filter and targets). */
export interface ModuleAudit {
  /** action name → the words before "N targets" (`user.ban` → "banned", read "banned 3 users") */
  words: Readonly<Record<string, string>>;
  /** the action filter's options: an action name (or a prefix, matching all of its kind) and its label */
  filter: readonly (readonly [string, string])[];
  /** target types the module's actions record → the page a target id links to */
  targets?: Readonly<Record<string, (id: string) => string>>;
}

/**
 * Ways to sign in a module keeps beside the user's `account` rows (e.g. passkeys): counted with them,
 * under the same locks, so that staff never remove a user's last way in (lib/accounts/sign-in-methods.ts).
 */
export interface SignInMethodSource {
  /** the audit's word for one such method ("passkey"), listed after the providers */
  kind: string;
  /** the user's rows, locked FOR UPDATE in the caller's transaction; none where the table is missing; no secrets */
  lock: (q: Q, userId: string) => Promise<readonly { id: string }[]>;
}

/** Props of a module's row on the user page's Profile card: the row's facts, rendered on the server. */
export interface ProfileRowProps {
  user: UserFacts;
  now: Date;
}

/**
 * Rows a module adds to the user page's Profile card (a `<dt>`/`<dd>` pair, e.g. the admin plugin's
 * "Ban"): a server component in the module's ui/ folder, loaded lazily, while the module is on.
 */
export interface ProfileRow {
  id: string;
  load: () => Promise<{ default: (props: ProfileRowProps) => ReactNode | Promise<ReactNode> }>;
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
  /** user fields the "Edit profile" dialog offers */
  editFields?: readonly EditField[];
  /** controls in the user page's "Account fixes" panel */
  accountFixes?: readonly AccountFix[];
  /** actions in the user page's header */
  userActions?: readonly UserAction[];
  /** rows on the user page's Profile card */
  profileRows?: readonly ProfileRow[];
}

/**
 * The spam review's "out of review" states (lib/spam), provided by modules. A state names why an
 * account needs no more review although it scores high, e.g. the admin plugin's "banned": a ban in
 * force has already handled it (lib/modules/admin/review.ts). The core reads one column per state
 * that is on (the scoring's facts statement, by logical field names, so AUTH_DB_MAPPING renames
 * apply), keeps one bit per registered state on every scored account (lib/spam/accounts.ts: at most
 * 7 states across the registered modules), patches the bits when an audited action commits
 * (`decisions`, lib/spam/cache.ts), re-checks them in the database before the queue and the waves
 * are shown, and words them with `label` and `done`. It never names a state. With no module
 * providing one (the admin plugin off), only "not spam" clearances take accounts out.
 */
export interface ReviewExit {
  /** the state's id, unique across modules: patches and results carry it */
  reason: string;
  /** its badge beside a member: a word or two, capitalised */
  label: string;
  /** its words after "are" in a sentence: "all members are <done> or marked as not spam" */
  done: string;
  /** SQL: the user is in this state now (a NULL column reads as "not in it") */
  isOut: (eb: ExpressionBuilder<DB, "user">, now: Date) => Expression<SqlBool>;
  /** the same rule on a user row the core read (the module's `userRow.fields`) */
  isOutOf: (u: UserFacts, now: Date) => boolean;
  /** audited action name → what its commit does to its targets: into this state (true) or out of it (false) */
  decisions: Readonly<Record<string, boolean>>;
  /** the decision a moderator takes on a wave's open members to put them in this state */
  waveAction?: WaveAction;
  /**
   * the same on the queue's ticked rows: a verb of the bulk action (lib/actions/bulk-verbs.ts), the
   * button's label, and the permission it needs; the queue offers a checkbox column while one is on
   */
  queueAction?: { verb: string; label: string; permission: PermissionName };
}

/** An "out of review" state as the browser gets it: its id and its badge. */
export type ReviewState = Pick<ReviewExit, "reason" | "label">;

/** A wave member as a wave action's checklist lists it. */
export interface ReviewMember {
  id: string;
  email: string;
  score: number;
  /** the states it is in now (read with the page): their ids and badges */
  out: readonly ReviewState[];
}

/** What a module's wave action is given (the wave page renders it in its header). */
export interface WaveActionProps {
  /** what the wave's members share, for people */
  label: string;
  /** the wave's members still open, highest score first */
  memberIds: readonly string[];
  /** the first of them, with a checkbox each */
  checklist: readonly ReviewMember[];
  role: StaffRole;
  now: Date;
}

/**
 * A decision on a whole wave, contributed with its state: a server component in the module's ui/
 * folder (loaded lazily, like a panel), rendered for roles holding `permission` while the module is on.
 */
export interface WaveAction {
  id: string;
  permission: PermissionName;
  load: () => Promise<{ default: (props: WaveActionProps) => ReactNode | Promise<ReactNode> }>;
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
  /** A ban the core may ask for while the module is on (at most one module contributes it). */
  ban?: ModuleBan;
  /** What every user row carries of the module (fields, API keys, export columns, badges …). */
  userRow?: UserRowPart;
  /** What every session row carries of the module (fields, columns, filters). */
  sessionRow?: SessionRowPart;
  /** How the audit log words, filters and links the module's actions (registered modules, on or off: records outlive a plugin). */
  audit?: ModuleAudit;
  /** Ways to sign in the module keeps (counted by the last-way-in guard, whether the module is on or off: it checks its own table). */
  signInMethods?: SignInMethodSource;
  /** Figures on the staff overview (see OverviewFigureSource), read while the module is on. */
  overviewFigures?: readonly OverviewFigureSource[];
  /** Provider ids the plugin stores in `account.providerId`, offered by the users list's sign-in-method filter (see SignInOption). */
  signInOptions?: readonly SignInOption[];
  /** Extra user fields shown on the profile. */
  profileFields?: readonly ProfileField[];
  /** User fields the search box also matches (case-insensitive substring). */
  searchFields?: readonly string[];
  /** Indexes its own pages need, named by the doctor (lib/doctor) while the module is on. */
  indexes?: (n: Naming) => IndexSpec[];
  /** Navigation entries and panels the module contributes (see ModuleUi). */
  ui?: ModuleUi;
  /** States that take an account out of the spam review (see ReviewExit). */
  reviewExits?: readonly ReviewExit[];
}

// Overview figures and sign-in options: what the core's overview and users-list filter used to name.

/**
 * A figure a module adds to the staff overview (e.g. the admin plugin's users under a ban): one
 * query on the module's own indexes, read with the core's figures (lib/overview/figures.ts
 * readModuleFigures) and cached with them, only while the module is on. The card is absent otherwise.
 */
export interface OverviewFigureSource {
  id: string;
  label: string;
  read: (q: Q, now: Date) => Promise<number>;
  /** the list behind the figure: the card links there */
  href?: string;
}

/** A module's overview figure as read: plain data, cached and rendered by the overview page. */
export interface ModuleFigure {
  id: string;
  label: string;
  value: number;
  href: string | null;
}

/**
 * A way to sign in a module's plugin records as an account's provider id: the users list's
 * sign-in-method filter suggests it, and the server reads its label as the id, in any case.
 * Registered modules, on or off, like the core's providers: an account row outlives a plugin.
 */
export interface SignInOption {
  value: string;
  label: string;
}
