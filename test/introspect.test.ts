import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SchemaMismatchError } from "../lib/db/introspect";
import { createNaming } from "../lib/db/naming";
import { openDatabase } from "../lib/db/open";
import { createTestDb, type TestDb } from "./helpers/db";

/** The start-up check: a wrong mapping stops the dashboard with a message that says what to set. */
describe("schema check at start-up", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed", ["admin"]);
  });
  afterAll(async () => t?.cleanup());

  const open = (options: Parameters<typeof createNaming>[0]) =>
    openDatabase({ url: t.url, naming: createNaming(options), poolMax: 1, statementTimeoutMs: 5000 });
  const problems = async (options: Parameters<typeof createNaming>[0]) => {
    try {
      await open(options);
    } catch (err) {
      if (err instanceof SchemaMismatchError) return err.problems;
      throw err;
    }
    throw new Error("expected a mismatch");
  };

  it("accepts the right mapping and reports the modules that are on", async () => {
    const d = await open(t.naming.options);
    expect([...d.caps.modules].sort()).toEqual(["admin", "core"]);
    await d.close();
  });

  it("suggests AUTH_DB_PLURAL when the tables are plural", async () => {
    const p = await problems({ ...t.naming.options, usePlural: false, models: { user: { modelName: "app_users", fields: { email: "email_address" } } } });
    expect(p).toContain(`schema \`${t.schema}\` has no table \`session\` for Better Auth's session model (tables there: accounts, app_users, sessions, verifications): set AUTH_DB_PLURAL=true`);
  });

  it("suggests AUTH_DB_CASING=snake when camelCase columns are missing but snake_case ones exist", async () => {
    const p = await problems({ ...t.naming.options, casing: "camel" });
    expect(p).toContain("table `app_users` has no column `emailVerified` (user.emailVerified): set AUTH_DB_CASING=snake");
  });

  it("names the exact field to map when a column is renamed", async () => {
    const p = await problems({ ...t.naming.options, models: { user: { modelName: "app_users" } } });
    expect(p).toEqual([`table \`app_users\` has no column \`email\` (user.email): set AUTH_DB_MAPPING='{"user":{"fields":{"email":"<column>"}}}'`]);
  });

  it("requires user.role, which is how staff are recognised", async () => {
    await sql`alter table ${sql.id(t.schema, "app_users")} rename column role to app_role`.execute(t.raw);
    try {
      const p = await problems(t.naming.options);
      expect(p[0]).toMatch(/no column `role` \(user\.role\) \(staff are recognised by user\.role/);
    } finally {
      await sql`alter table ${sql.id(t.schema, "app_users")} rename column app_role to role`.execute(t.raw);
    }
  });
});
