import { parseConfig } from "./config";
import { createNaming } from "./db/naming";
import { openDatabase } from "./db/open";

/**
 * Runs once when the server starts (from instrumentation.ts): checks the configured name mapping
 * against the live database and refuses to serve with a precise message when they disagree,
 * instead of failing page by page.
 */
export async function startupCheck(): Promise<void> {
  try {
    const config = parseConfig();
    // next.config.mjs inlines the base path the server was built with; BASE_PATH at run time must
    // agree, or Better Auth's routes and cookies would sit under another path than the pages.
    const built = process.env.NEXT_PUBLIC_BASE_PATH ?? "";
    if (process.env.NEXT_RUNTIME && config.basePath !== built) {
      throw new Error(`this build serves under "${built || "/"}" but BASE_PATH is "${config.basePath || "/"}": set BASE_PATH=${built || "/"} (or build for the path: npm start builds for each BASE_PATH)`);
    }
    if (!config.databaseUrl) throw new Error("DATABASE_URL is not set (use `npm start`, which runs the embedded demo database when none is configured).");
    if (!config.secret) throw new Error("BETTER_AUTH_SECRET is not set: the dashboard signs its session cookies with it (openssl rand -base64 32).");
    const d = await openDatabase({
      url: config.databaseUrl, naming: createNaming(config.naming), poolMax: 1, statementTimeoutMs: 10_000, sessionsInStore: Boolean(config.redisUrl),
    });
    const modules = [...d.caps.modules].join(", ");
    await d.close();
    const sessions = d.caps.sessionTable ? "" : "; sessions only in Redis (no session table)";
    console.log(`[dashboard] database ok; modules on: ${modules}${d.caps.audit ? "; audit table installed" : ""}${sessions}`);
  } catch (err) {
    console.error(`\n[dashboard] cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
