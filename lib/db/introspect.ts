import { type Kysely, sql } from "kysely";
import { dashboardRequires, type ModelName, type ModuleId, modelNames, modules } from "../modules";
import { AUDIT_TABLE } from "./app-tables";
import { trgmPattern } from "./sql-patterns";
import { type Naming, toSnake } from "./naming";

/** What the live database supports: which modules are on, which logical columns exist. */
export interface Capabilities {
  modules: ReadonlySet<ModuleId>;
  columns: Record<ModelName, ReadonlySet<string>>;
  /** how ids are generated, read from the type of `session.id`, so staff sessions insert cleanly */
  idType: "text" | "uuid" | "serial";
  /** the operator installed the audit table (npm run audit:install) */
  audit: boolean;
  /** trigram indexes serve substring search on email and name (npm run doctor) */
  searchIndexed: boolean;
  /**
   * user.email sorts in byte order (a C collation), so Better Auth's unique index on it answers
   * "starts with" searches as ranges (lib/users/prefix-search.ts)
   */
  emailByteOrder: boolean;
  /**
   * the app keeps sessions in the database; false for apps whose sessions live only in Redis
   * (secondaryStorage without storeSessionInDatabase): sessions then come from the store
   */
  sessionTable: boolean;
}

export const has = (caps: Capabilities, model: ModelName, field: string) => caps.columns[model].has(field);

export class SchemaMismatchError extends Error {
  constructor(readonly problems: string[]) {
    super(`The database does not match the configured Better Auth names:\n  - ${problems.join("\n  - ")}`);
  }
}

type ColumnRow = { table_name: string; column_name: string; data_type: string };

/** Reads information_schema once and checks every module against it. Throws on a core mismatch. */
export async function introspect(db: Kysely<any>, naming: Naming, opts: { sessionsInStore?: boolean } = {}): Promise<Capabilities> {
  const schema = naming.options.schema;
  const { rows } = await sql<ColumnRow>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = ${schema} order by table_name, ordinal_position`.execute(db);
  const tables = new Map<string, Map<string, string>>();
  for (const r of rows) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, new Map());
    tables.get(r.table_name)?.set(r.column_name, r.data_type);
  }

  const columns = Object.fromEntries(modelNames.map((m) => [m, new Set<string>()])) as Record<ModelName, Set<string>>;
  for (const model of modelNames) {
    const cols = tables.get(naming.table(model));
    if (!cols) continue;
    for (const field of naming.fields(model)) if (cols.has(naming.column(model, field))) columns[model].add(field);
  }

  const problems: string[] = [];
  const check = (spec: Partial<Record<ModelName, readonly string[]>>) => {
    for (const [model, fields] of Object.entries(spec) as [ModelName, readonly string[]][]) {
      const table = naming.table(model);
      const cols = tables.get(table);
      if (!cols && fields.length) {
        problems.push(missingTable(model, table, schema, [...tables.keys()]));
        continue;
      }
      if (cols) for (const f of fields) if (!columns[model].has(f)) problems.push(missingColumn(model, f, table, naming, cols));
    }
  };
  const core = modules.find((m) => m.id === "core");
  const sessionTable = tables.has(naming.table("session"));
  // Without a session table the app must keep sessions in a store the dashboard can reach.
  const skipSessions = !sessionTable && opts.sessionsInStore === true;
  if (core) check(skipSessions ? { ...core.requires, session: [] } : core.requires);
  check(dashboardRequires);
  if (problems.length) throw new SchemaMismatchError([...new Set(problems)]);

  // Core is on once the checks above passed (its session fields may be absent when sessions live in
  // the store); every other module is on when its required fields exist.
  const on = new Set<ModuleId>();
  for (const m of modules) {
    const ok = m === core || Object.entries(m.requires).every(([model, fields]) => fields.every((f) => columns[model as ModelName].has(f)));
    if (ok) on.add(m.id);
  }
  const idType = tables.get(naming.table("session"))?.get(naming.column("session", "id"));
  return {
    modules: on,
    columns,
    idType: idType === "uuid" ? "uuid" : idType === "integer" || idType === "bigint" ? "serial" : "text",
    audit: tables.has(AUDIT_TABLE),
    searchIndexed: await hasSearchIndexes(db, naming),
    emailByteOrder: await hasByteOrder(db, naming, "user", "email"),
    sessionTable,
  };
}

const BYTE_ORDER = /^(c|posix|ucs_basic|pg_c_utf8|c\.utf-?8)$/i;

/**
 * Whether a column compares in byte (code point) order: a C collation named on the column, or the
 * database's default when that is C under libc or the builtin provider (an ICU default never is).
 * Read through to_jsonb so servers before 15 (no datlocprovider) answer too.
 */
async function hasByteOrder(db: Kysely<any>, naming: Naming, model: ModelName, field: string): Promise<boolean> {
  const { rows } = await sql<{ name: string | null; collate: string | null; provider: string | null; dbCollate: string; dbProvider: string | null }>`
    select co.collname as name, co.collcollate as collate, co.collprovider::text as provider,
           d.datcollate as "dbCollate", to_jsonb(d) ->> 'datlocprovider' as "dbProvider"
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_collation co on co.oid = a.attcollation
    cross join (select * from pg_database where datname = current_database()) d
    where n.nspname = ${naming.options.schema} and c.relname = ${naming.table(model)} and a.attname = ${naming.column(model, field)}`.execute(db);
  const r = rows[0];
  if (!r) return false;
  if (r.name && r.name !== "default") return BYTE_ORDER.test(r.name) || (r.provider === "c" && BYTE_ORDER.test(r.collate ?? ""));
  return r.dbProvider !== "i" && BYTE_ORDER.test(r.dbCollate);
}

async function hasSearchIndexes(db: Kysely<any>, naming: Naming): Promise<boolean> {
  const { rows } = await sql<{ def: string }>`
    select indexdef as def from pg_indexes where schemaname = ${naming.options.schema} and tablename = ${naming.table("user")}`.execute(db);
  return ["email", "name"].every((f) => rows.some((r) => trgmPattern(naming, "user", f).test(r.def)));
}

function missingTable(model: ModelName, table: string, schema: string, found: string[]): string {
  const hint =
    found.includes(`${table}s`) ? "set AUTH_DB_PLURAL=true" :
    found.includes(table.replace(/s$/, "")) && table.endsWith("s") ? "unset AUTH_DB_PLURAL" :
    `set AUTH_DB_MAPPING='{"${model}":{"modelName":"<table>"}}'`;
  const seen = found.length ? ` (tables there: ${found.slice(0, 12).join(", ")}${found.length > 12 ? ", …" : ""})` : " (it has no tables)";
  return `schema \`${schema}\` has no table \`${table}\` for Better Auth's ${model} model${seen}: ${hint}`;
}

function missingColumn(model: ModelName, field: string, table: string, naming: Naming, cols: Map<string, string>): string {
  const expected = naming.column(model, field);
  const hint =
    cols.has(toSnake(field)) && toSnake(field) !== expected ? "set AUTH_DB_CASING=snake" :
    cols.has(field) && field !== expected ? "set AUTH_DB_CASING=camel" :
    `set AUTH_DB_MAPPING='{"${model}":{"fields":{"${field}":"<column>"}}}'`;
  const extra = model === "user" && field === "role" ? " (staff are recognised by user.role: add Better Auth's admin plugin or a role column)" : "";
  return `table \`${table}\` has no column \`${expected}\` (${model}.${field})${extra}: ${hint}`;
}
