/**
 * npm run audit:install — the one change the dashboard ever makes to the app's database, and only
 * on request: creates the audit table (dashboard_audit_log) in AUTH_DB_SCHEMA. Idempotent.
 * With it, every staff action is stored in the same transaction as the change; without it, audit
 * records still go to stdout and nothing is stored.
 */
import { Kysely, PostgresDialect } from "kysely";
import { auditTableDdl, installAuditTable } from "../lib/audit/table";
import { parseConfig } from "../lib/config";
import { createPool } from "../lib/db/open";

async function main() {
  const config = parseConfig();
  if (!config.databaseUrl) throw new Error("DATABASE_URL is not set. (The embedded demo database installs the audit table itself.)");
  const schema = config.naming.schema;
  console.log(`Creating the audit table in schema "${schema}":\n`);
  for (const stmt of auditTableDdl(schema)) console.log(`${stmt.replace(/\s+/g, " ")};`);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPool(config.databaseUrl, 1, 60_000) }) });
  try {
    await installAuditTable(db, schema);
    console.log("\nDone. Restart the dashboard so it detects the table.");
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
