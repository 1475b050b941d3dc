import { adminModule } from "./admin";
import { coreModule } from "./core";
import { organizationModule } from "./organization";
import { passkeyModule } from "./passkey";
import { phoneNumberModule } from "./phone-number";
import { twoFactorModule } from "./two-factor";
import type { PermissionOf } from "./access";
import type { SessionTable, UserTable } from "../db/schema";
import type {
  AccountFix, DashboardModule, EditField, ListColumn, ListFilter, ModelName, ModuleBan, NavEntry, ModuleAudit, ProfileRow, RowBadge, RowMenuEntry, RowMenuItem, SessionRowPart, SignInMethodSource, SignInOption, UserAction, UserApiField,
  UserFacts, UserPanel, UserRowPart, ReviewExit, ReviewState, WaveAction,
} from "./types";
import { usernameModule } from "./username";

export type {
  AccountFix, DashboardModule, EditField, FieldSpec, ListColumn, ListFilter, ListFilterView, ModelName, ModuleBan, NavEntry, PluginSchemaOption, ProfileField, ProfileRow, ProfileRowProps, RowBadge,
  ModuleAudit, RowMenuEntry, RowMenuItem, SessionRowPart, SignInMethodSource, UserAction, UserActionProps, UserApiField, UserFacts, UserPanel, UserPanelProps, UserRowPart,
  ReviewExit, ReviewMember, ReviewState, WaveAction, WaveActionProps,
  ModuleFigure, OverviewFigureSource, SignInOption,
} from "./types";

/**
 * Every module the dashboard knows: the one registration point. Supporting another Better Auth
 * plugin = its folder under lib/modules + one entry here.
 */
const registry = [coreModule, adminModule, usernameModule, phoneNumberModule, twoFactorModule, passkeyModule, organizationModule] as const;

export type ModuleId = (typeof registry)[number]["id"];
export const modules: readonly (DashboardModule & { id: ModuleId })[] = registry;
/** Modules that mirror a Better Auth plugin (all but core): what an app's schema can be migrated with. */
export type PluginModuleId = Exclude<ModuleId, "core">;

/** Every permission any module defines, e.g. "users.ban". */
export type Permission = PermissionOf<NonNullable<Extract<(typeof registry)[number], { access: unknown }>["access"]>["statements"]>;

/**
 * The tables the dashboard has a model for, derived from the modules: Better Auth's core tables and
 * every plugin table a module reads (e.g. `passkey`). The name mapping, the configuration's
 * AUTH_DB_MAPPING keys and introspection all iterate this list.
 */
export const modelNames: readonly ModelName[] = [
  ...new Set(modules.flatMap((m) => [...Object.keys(m.requires), ...Object.keys(m.optional ?? {})] as ModelName[])),
];

/** Own-keys lookup: ids come from configuration. */
export function findModule(id: string): DashboardModule | undefined {
  return modules.find((m) => m.id === id);
}

/**
 * Extra user fields the modules show on the profile (username, phone …) or in a users-list column:
 * read whenever the column exists, shown only while their module is on
 * (components/users/user-profile.tsx, the users table).
 */
export const profileFieldNames: readonly string[] = [
  ...new Set([...modules.flatMap((m) => m.profileFields ?? []).map((p) => p.field), ...modules.flatMap((m) => m.ui?.listColumns ?? []).map((c) => c.field)]),
];

/** Fields the dashboard needs beyond any module: staff are recognised by `user.role`. */
export const dashboardRequires = { user: ["role"] } as const;

/** All logical fields per model, across modules: what the name mapping must be able to translate. */
export function knownFields(): Record<ModelName, Set<string>> {
  const out = Object.fromEntries(modelNames.map((m) => [m, new Set<string>()])) as Record<ModelName, Set<string>>;
  const add = (spec: Partial<Record<ModelName, readonly string[]>> | undefined) => {
    for (const [model, fields] of Object.entries(spec ?? {}) as [ModelName, readonly string[]][]) {
      for (const f of fields) out[model].add(f);
    }
  };
  for (const m of modules) {
    add(m.requires);
    add(m.optional);
  }
  add(dashboardRequires);
  return out;
}

/** The modules that are on in this database (`caps.modules`, decided once by introspection). */
const enabled = (on: ReadonlySet<string>) => modules.filter((m) => on.has(m.id));
/** The modules that are on, in registration order (what lib/overview reads the figures of). */
export const enabledModules = (on: ReadonlySet<string>): readonly DashboardModule[] => enabled(on);

/**
 * The ban a module that is on contributes, or null: what the core asks instead of naming the plugin
 * ("can users be banned here?", "is this user banned?").
 */
export const banOf = (caps: { modules: ReadonlySet<string> }): ModuleBan | null => enabled(caps.modules).find((m) => m.ban)?.ban ?? null;

/** Navigation sections, in registration order, of the modules that are on. */
export const navEntries = (on: ReadonlySet<string>): readonly NavEntry[] => enabled(on).flatMap((m) => m.ui?.nav ?? []);
/** Command-palette shortcuts of the modules that are on. */
export const paletteEntries = (on: ReadonlySet<string>): readonly NavEntry[] => enabled(on).flatMap((m) => m.ui?.paletteActions ?? []);
/** Panels on the user page of the modules that are on, in registration order. */
export const userPanels = (on: ReadonlySet<string>): readonly UserPanel[] => enabled(on).flatMap((m) => m.ui?.userPanels ?? []);

type Registered = (typeof registry)[number];
/** The URL keys the modules' users-list filters add (e.g. "status"), as a type the core can use. */
export type ModuleFilterKey = Registered extends infer M ? (M extends { ui: { listFilters: readonly { key: infer K }[] } } ? K & string : never) : never;

/**
 * Every registered module's users-list filters, on or off: the URL schema knows them all, so a
 * filter of a module that is off is a clear 400 rather than an "unknown key"; `enabledListFilters`
 * are the ones applied and shown.
 */
export const listFilters: readonly (ListFilter & { module: ModuleId })[] = modules.flatMap((m) => (m.ui?.listFilters ?? []).map((f) => ({ ...f, module: m.id })));
export const enabledListFilters = (on: ReadonlySet<string>) => listFilters.filter((f) => on.has(f.module));
/** Keys the modules that are on add to GET /api/v1/users/:id, in registration order. */
export const userApiFields = (on: ReadonlySet<string>): readonly UserApiField[] => enabled(on).flatMap((m) => m.ui?.userApiFields ?? []);
/** "Edit profile" fields of the modules that are on whose column exists. */
export const editFields = (caps: { modules: ReadonlySet<string>; columns: { user: ReadonlySet<string> } }): readonly EditField[] =>
  enabled(caps.modules).flatMap((m) => m.ui?.editFields ?? []).filter((f) => caps.columns.user.has(f.field));
/** Header actions on the user page of the modules that are on. */
export const userActions = (on: ReadonlySet<string>): readonly UserAction[] => enabled(on).flatMap((m) => m.ui?.userActions ?? []);
/** "Account fixes" controls of the modules that are on. */
export const accountFixes = (on: ReadonlySet<string>): readonly AccountFix[] => enabled(on).flatMap((m) => m.ui?.accountFixes ?? []);
/** Users-list columns of the modules that are on, in registration order. */
export const enabledListColumns = (on: ReadonlySet<string>): readonly ListColumn[] => enabled(on).flatMap((m) => m.ui?.listColumns ?? []);

/** Rows on the user page's Profile card of the modules that are on. */
export const profileRows = (on: ReadonlySet<string>): readonly ProfileRow[] => enabled(on).flatMap((m) => m.ui?.profileRows ?? []);

type RowFieldName = Registered extends infer M ? (M extends { userRow: { fields: readonly (infer F)[] } } ? F & string : never) : never;
/** The user fields modules put on every row (`userRow.fields`), as the schema types them: the core's UserRow carries them without naming them. */
export type ModuleRowFields = { [K in RowFieldName & keyof UserTable]: UserTable[K] };

/** Every registered module's row fields, on or off (the row's shape does not depend on the database). */
export const rowFields: readonly { field: string; module: ModuleId }[] = modules.flatMap((m) => (m.userRow?.fields ?? []).map((field) => ({ field, module: m.id })));

/** Row contributions of every registered module: the API's keys and the export's columns are a fixed shape. */
export const userRowParts: readonly UserRowPart[] = modules.flatMap((m) => (m.userRow ? [m.userRow] : []));

const enabledRowParts = (on: ReadonlySet<string>) => enabled(on).flatMap((m) => (m.userRow ? [{ id: m.id, part: m.userRow as UserRowPart }] : []));

/** The row's state badges from the modules that are on, in registration order. */
export const rowBadges = (on: ReadonlySet<string>, u: UserFacts, now: Date): RowBadge[] => enabledRowParts(on).flatMap(({ part }) => part.badges?.(u, now) ?? []);

/** Row-menu entries of the modules that are on (with their module), before the per-user `when`. */
export const rowMenuEntries = (on: ReadonlySet<string>): readonly (RowMenuEntry & { module: string })[] =>
  enabledRowParts(on).flatMap(({ id, part }) => (part.menu ?? []).map((e) => ({ ...e, module: id })));

/** The menu items for one user, for a role (`may`: its permission check), serializable. */
export const rowMenu = (on: ReadonlySet<string>, u: UserFacts, now: Date, may: (permission: string) => boolean): RowMenuItem[] =>
  rowMenuEntries(on)
    .filter((e) => may(e.permission) && e.when(u, now))
    .map((e) => ({ module: e.module, dialog: e.dialog, label: e.label, ...(e.destructive ? { destructive: true } : {}) }));

/** The sign-in diagnosis' findings from the modules that are on, at one place of the diagnosis. */
export const rowFindings = (on: ReadonlySet<string>, at: "state" | "method", u: UserFacts, now: Date) =>
  enabledRowParts(on).flatMap(({ part }) => (part.findings?.at === at ? part.findings.of(u, now) : []));

type SessionFieldName = Registered extends infer M ? (M extends { sessionRow: { fields: readonly (infer F)[] } } ? F & string : never) : never;
/** The session fields modules put on every session row (`sessionRow.fields`), as the schema types them. */
export type ModuleSessionFields = { [K in SessionFieldName & keyof SessionTable]: SessionTable[K] };

/** Every registered module's session fields, on or off (a row's shape does not depend on the database). */
export const sessionFieldNames: readonly string[] = [...new Set(modules.flatMap((m) => m.sessionRow?.fields ?? []))];

/** A row's module session fields, null where the source (a row, a stored session) lacks one. */
export const sessionFieldsOf = (r: Readonly<Record<string, unknown>>): ModuleSessionFields =>
  Object.fromEntries(sessionFieldNames.map((f) => [f, r[f] ?? null])) as unknown as ModuleSessionFields;

type SessionColumn = NonNullable<SessionRowPart["columns"]>[number];
/** Session-table columns of the modules that are on. */
export const sessionColumns = (on: ReadonlySet<string>): readonly SessionColumn[] => enabled(on).flatMap((m) => m.sessionRow?.columns ?? []);

/** Every registered module's session filters (the URL schema's keys are the core's; their SQL is the module's field). */
export const sessionFilters: readonly (NonNullable<SessionRowPart["filters"]>[number] & { module: ModuleId; label: string })[] = modules.flatMap((m) =>
  (m.sessionRow?.filters ?? []).map((f) => ({ ...f, module: m.id, label: m.label })),
);

/** The audit contributions of every registered module: records of a module switched off still read in words. */
const audits: readonly ModuleAudit[] = modules.flatMap((m) => (m.audit ? [m.audit as ModuleAudit] : []));
/** The modules' plain words for their actions, by action name. */
export const auditWords: Readonly<Record<string, string>> = Object.assign({}, ...audits.map((a) => a.words));
/** The modules' options for the audit log's action filter, in registration order. */
export const auditFilterOptions: readonly (readonly [string, string])[] = audits.flatMap((a) => a.filter);
/** The page a module's audit target links to, or null for a type no module claims. */
export const auditTargetHref = (targetType: string, id: string): string | null => {
  const to = audits.find((a) => a.targets?.[targetType])?.targets?.[targetType];
  return to ? to(id) : null;
};

/** Every registered module's other ways to sign in (each checks its own table, so a missing one counts nothing). */
export const signInMethodSources: readonly SignInMethodSource[] = modules.flatMap((m) => (m.signInMethods ? [m.signInMethods as SignInMethodSource] : []));

/**
 * The spam review's "out of review" states (types.ts ReviewExit) of every registered module, on or
 * off, in registration order: a state's position is its bit in a scored account's flags
 * (lib/spam/accounts.ts), the same whatever the database, so a patch means the same to every cached
 * result. At most MAX_REVIEW_EXITS: the flags are a byte, and its last bit is the core's "deleted".
 */
export const reviewExits: readonly (ReviewExit & { module: ModuleId })[] = modules.flatMap((m) => (m.reviewExits ?? []).map((e) => ({ ...(e as ReviewExit), module: m.id })));
export const MAX_REVIEW_EXITS = 7;
if (reviewExits.length > MAX_REVIEW_EXITS) throw new Error(`at most ${MAX_REVIEW_EXITS} "out of review" states can be registered (${reviewExits.length} are)`);
/** The states of the modules that are on: the ones the scoring reads and the pages show. */
export const enabledReviewExits = (on: ReadonlySet<string>) => reviewExits.filter((e) => on.has(e.module));
/** What a committed action does to the review (a state entered or left), or null (lib/spam/cache.ts's hook). */
export const reviewDecisionOf = (action: string): { reason: string; out: boolean } | null => {
  for (const e of reviewExits) if (Object.hasOwn(e.decisions, action)) return { reason: e.reason, out: e.decisions[action] === true };
  return null;
};
/** A state's badge (its `label`); the id itself for one no module registers. */
export const reviewExitLabel = (reason: string): string => reviewExits.find((e) => e.reason === reason)?.label ?? reason;
/** The states a user row is in now, of the modules that are on (ids and badges: serializable). */
export const reviewStatesOf = (on: ReadonlySet<string>, u: UserFacts, now: Date): ReviewState[] =>
  enabledReviewExits(on).flatMap((e) => (e.isOutOf(u, now) ? [{ reason: e.reason, label: e.label }] : []));
/** The queue's decisions on ticked rows of the modules that are on (before the permission check). */
export const queueActions = (on: ReadonlySet<string>) => enabledReviewExits(on).flatMap((e) => (e.queueAction ? [e.queueAction] : []));
/** The wave pages' decisions of the modules that are on (before the permission check). */
export const waveActions = (on: ReadonlySet<string>): readonly WaveAction[] => enabledReviewExits(on).flatMap((e) => (e.waveAction ? [e.waveAction] : []));
/** Every registered module's sign-in options (provider ids its plugin stores on accounts), on or off. */
export const moduleSignInOptions: readonly SignInOption[] = modules.flatMap((m) => (m.signInOptions ?? []) as readonly SignInOption[]);
