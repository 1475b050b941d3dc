import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { type AppPlugin, migrateAppSchema } from "../../lib/db/migrate";
import { createNaming, type Naming, type NamingOptions } from "../../lib/db/naming";
import { type Database, openDatabase } from "../../lib/db/open";

/** The two namings every query test runs against. */
export const namings = {
  default: { casing: "camel", usePlural: false, models: {} },
  "snake-plural-renamed": {
    casing: "snake",
    usePlural: true,
    models: {
      user: { modelName: "app_users", fields: { email: "email_address" } },
      // plugin tables renamed too (the organization module's tests): only where that plugin is migrated
      member: { modelName: "org_memberships", fields: { role: "member_role" } },
    },
  },
} as const satisfies Record<string, Omit<NamingOptions, "schema">>;
export type NamingName = keyof typeof namings;

export interface TestDb {
  d: Database;
  naming: Naming;
  url: string;
  schema: string;
  /** plain Kysely (physical names), for setting up odd rows */
  raw: Kysely<any>;
  /** reopen after changing the schema, so introspection sees it */
  reopen(): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * A fresh schema in the run's database, migrated by Better Auth itself as an app with `plugins`
 * would be, and the dashboard's Database opened on it (so introspection runs for real).
 */
export async function createTestDb(variant: NamingName, plugins: readonly AppPlugin[] = ["admin", "username", "twoFactor"]): Promise<TestDb> {
  const url = inject("databaseUrl");
  const schema = `t_${variant.replace(/-/g, "_")}_${randomBytes(4).toString("hex")}`;
  const naming = createNaming({ ...(namings[variant] as Omit<NamingOptions, "schema">), schema });
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  await sql`create schema ${sql.id(schema)}`.execute(raw);
  await migrateAppSchema(raw, naming, plugins);
  const open = () => openDatabase({ url, naming, poolMax: 2, statementTimeoutMs: 20_000 });
  const t: TestDb = {
    d: await open(),
    naming,
    url,
    schema,
    raw,
    async reopen() {
      await t.d.close();
      t.d = await open();
    },
    async cleanup() {
      await t.d.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(raw);
      await raw.destroy();
    },
  };
  return t;
}
