import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { installAuditTable } from "./audit/table";
import { migrateAppSchema } from "./db/migrate";
import { seedOrganizations } from "./seed/organizations";
import { openDatabase } from "./db/open";
import { inspect } from "./doctor/inspect";
import { createNaming, defaultNaming } from "./db/naming";
import { seedDatabase } from "./seed/insert";
import { DEMO_PASSWORD, STAFF } from "./seed/staff";

/** How many users the demo database gets on first start (DEMO_USERS overrides). */
export const DEMO_USERS = 5_000;
export const DEMO_SEED = 42;

export const demoStaffAccounts = STAFF.map((s) => ({ email: s.email, role: s.role, password: DEMO_PASSWORD }));

/**
 * First start of the embedded database: create Better Auth's schema (core + admin, username and
 * two-factor and organization plugins, as an app would with `auth migrate`) and seed demo data. Later starts find the
 * tables and change nothing.
 */
export async function prepareDemoDatabase(url: string, log: (line: string) => void): Promise<{ seeded: boolean }> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  try {
    const { rows } = await sql<{ exists: boolean }>`select to_regclass('public."user"') is not null as exists`.execute(db);
    if (rows[0]?.exists) return { seeded: false };
    const naming = createNaming(defaultNaming);
    log("Creating the Better Auth schema…");
    await migrateAppSchema(db, naming, ["admin", "username", "twoFactor", "organization"]);
    const users = Number(process.env.DEMO_USERS ?? DEMO_USERS);
    log(`Seeding ${users.toLocaleString("en")} demo users (spam waves included)…`);
    const result = await seedDatabase(db, naming, { users, seed: DEMO_SEED, concurrency: 1 });
    log(`Seeded ${result.users} users, ${result.accounts} accounts, ${result.sessions} sessions in ${(result.ms / 1000).toFixed(1)} s.`);
    const orgs = await seedOrganizations(db, naming, { seed: DEMO_SEED });
    log(`Seeded ${orgs.organizations} organizations, ${orgs.members} memberships, ${orgs.invitations} invitations.`);
    // The demo shows the audit trail and runs indexed; on a real database the operator opts in to
    // both (npm run audit:install, npm run doctor -- --apply).
    await installAuditTable(db, naming.options.schema);
    const d = await openDatabase({ url, naming, poolMax: 1, statementTimeoutMs: 600_000 });
    try {
      for (const statement of (await inspect(d)).statements) await sql.raw(statement).execute(d.authDb);
    } finally {
      await d.close();
    }
    return { seeded: true };
  } finally {
    await db.destroy();
  }
}
