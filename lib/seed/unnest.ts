import { type Kysely, type RawBuilder, sql } from "kysely";
import { type Naming, quoteIdent } from "../db/naming";
import type { ModelName } from "../modules";
import type { AccountRow, SeedBatch, SessionRow, UserRow } from "./rows";

/**
 * Bulk insert with one statement per table per batch:
 *
 *   insert into "schema"."user" ("id", "name", …) select * from unnest($1::text[], $2::text[], …)
 *
 * One parameter per column (an array), whatever the row count: no 65,535-parameter limit, one parse
 * and plan, and Postgres does the row expansion. Identifiers come from the name mapping (quoted);
 * values are always parameters.
 */
export type SeedModel = Extract<ModelName, "user" | "account" | "session">;
export type PresentColumns = Partial<Record<ModelName, ReadonlySet<string>>>;

type PgArray = "text" | "bool" | "timestamptz";
export interface Column<R> {
  field: keyof R & string;
  type: PgArray;
}

export const userColumns: Column<UserRow>[] = [
  { field: "id", type: "text" }, { field: "name", type: "text" }, { field: "email", type: "text" },
  { field: "emailVerified", type: "bool" }, { field: "image", type: "text" },
  { field: "createdAt", type: "timestamptz" }, { field: "updatedAt", type: "timestamptz" },
  { field: "role", type: "text" }, { field: "banned", type: "bool" }, { field: "banReason", type: "text" },
  { field: "banExpires", type: "timestamptz" }, { field: "username", type: "text" },
  { field: "displayUsername", type: "text" }, { field: "twoFactorEnabled", type: "bool" },
];

export const accountColumns: Column<AccountRow>[] = [
  { field: "id", type: "text" }, { field: "accountId", type: "text" }, { field: "providerId", type: "text" },
  { field: "userId", type: "text" }, { field: "password", type: "text" },
  { field: "createdAt", type: "timestamptz" }, { field: "updatedAt", type: "timestamptz" },
];

export const sessionColumns: Column<SessionRow>[] = [
  { field: "id", type: "text" }, { field: "token", type: "text" }, { field: "expiresAt", type: "timestamptz" },
  { field: "createdAt", type: "timestamptz" }, { field: "updatedAt", type: "timestamptz" },
  { field: "ipAddress", type: "text" }, { field: "userAgent", type: "text" }, { field: "userId", type: "text" },
  { field: "impersonatedBy", type: "text" },
];

// Casts written out, so no type name is ever spliced in as raw SQL.
const casts: Record<PgArray, (literal: string) => RawBuilder<unknown>> = {
  text: (v) => sql`${v}::text[]`,
  bool: (v) => sql`${v}::bool[]`,
  timestamptz: (v) => sql`${v}::timestamptz[]`,
};

const NEEDS_ESCAPE = /["\\]/;

/**
 * The column's values as one Postgres array literal (`{"a","b",NULL}`), sent as a single text
 * parameter. Built here rather than by `pg` (which escapes every element with two regex passes and
 * allocates per element): at a million rows that was a third of the seeder's CPU time. Dates become
 * ISO strings with `Z`, unambiguous whatever the server's or the driver's time zone.
 */
export function arrayLiteral<R>(rows: readonly R[], field: keyof R): string {
  let out = "{";
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as R)[field] as unknown;
    if (i > 0) out += ",";
    if (v === null || v === undefined) out += "NULL";
    else if (typeof v === "boolean") out += v ? "t" : "f";
    else if (v instanceof Date) out += v.toISOString();
    else {
      const str = String(v);
      out += NEEDS_ESCAPE.test(str) ? `"${str.replace(/["\\]/g, "\\$&")}"` : `"${str}"`;
    }
  }
  return `${out}}`;
}

export function unnestInsert<R>(naming: Naming, model: SeedModel, columns: readonly Column<R>[], present: ReadonlySet<string> | undefined, rows: readonly R[]): RawBuilder<unknown> | undefined {
  if (rows.length === 0) return undefined;
  // optional plugin columns only when the table has them; core columns always (introspection checked them)
  const cols = columns.filter((c) => !present || present.has(c.field));
  const names = cols.map((c) => sql.raw(quoteIdent(naming.column(model, c.field))));
  const arrays = cols.map((c) => casts[c.type](arrayLiteral(rows, c.field)));
  return sql`insert into ${sql.raw(naming.qualified(model))} (${sql.join(names)}) select * from unnest(${sql.join(arrays)})`;
}

/** Users first, then the rows referencing them (foreign keys are checked per statement). */
export async function insertBatch(db: Kysely<any>, naming: Naming, present: PresentColumns, batch: SeedBatch): Promise<void> {
  const statements = [
    unnestInsert(naming, "user", userColumns, present.user, batch.users),
    unnestInsert(naming, "account", accountColumns, present.account, batch.accounts),
    unnestInsert(naming, "session", sessionColumns, present.session, batch.sessions),
  ];
  for (const statement of statements) if (statement) await statement.execute(db);
}
