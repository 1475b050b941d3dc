/**
 * Bootstraps and manages staff on a real database (DATABASE_URL + the AUTH_DB_* name mapping):
 *   npm run staff -- list
 *   npm run staff -- grant <email> <support|moderator|admin>
 *   npm run staff -- grant <email> admin --create --password <pw> [--name "Full Name"]
 *   npm run staff -- revoke <email>
 * Staff roles are written into Better Auth's comma-separated `user.role`, keeping the user's
 * other roles. The staff role names are mapped back through STAFF_ROLES.
 */
import { parseArgs } from "node:util";
import { ConfigError, parseConfig } from "../lib/config";
import { createNaming } from "../lib/db/naming";
import { openDatabase } from "../lib/db/open";
import { grantStaff, listStaff, revokeStaff } from "../lib/staff/manage";

const usage = `usage:
  npm run staff -- list
  npm run staff -- grant <email> <support|moderator|admin> [--create --password <pw> [--name <name>]]
  npm run staff -- revoke <email>`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { create: { type: "boolean", default: false }, password: { type: "string" }, name: { type: "string" } },
  });
  const [command, email, role] = positionals;
  const config = parseConfig();
  if (!config.databaseUrl) throw new ConfigError("DATABASE_URL is not set. (The embedded demo database already has staff accounts: see `npm start`.)");
  const d = await openDatabase({ url: config.databaseUrl, naming: createNaming(config.naming), poolMax: 1, statementTimeoutMs: 30_000 });
  try {
    if (command === "list") {
      for (const s of await listStaff(d, config.staffRoleMap)) console.log(`${s.staffRole.padEnd(10)} ${s.email}  (role: ${s.role})`);
    } else if (command === "grant" && email && role) {
      const r = await grantStaff(d, config.staffRoleMap, { email, staffRole: role, create: values.create, password: values.password, name: values.name });
      console.log(`${r.created ? "Created" : "Updated"} ${email}: role is now "${r.role}"`);
    } else if (command === "revoke" && email) {
      const r = await revokeStaff(d, config.staffRoleMap, email);
      console.log(`${email}: role is now ${r.role === null ? "empty" : `"${r.role}"`}`);
    } else {
      console.error(usage);
      process.exitCode = 2;
    }
  } finally {
    await d.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(err instanceof ConfigError || (err as { code?: string }).code === "invalid_request" ? 2 : 1);
});
