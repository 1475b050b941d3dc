/**
 * Runs once when the server starts: checks the configured name mapping against the live database
 * and refuses to serve with a precise message when the two disagree, instead of failing per page.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseConfig } = await import("./lib/config");
  const { createNaming } = await import("./lib/db/naming");
  const { openDatabase } = await import("./lib/db/open");
  try {
    const config = parseConfig();
    if (!config.databaseUrl) throw new Error("DATABASE_URL is not set (use `npm start`, which runs the embedded demo database when none is configured).");
    if (!config.secret) throw new Error("BETTER_AUTH_SECRET is not set: the dashboard signs its session cookies with it (openssl rand -base64 32).");
    const d = await openDatabase({ url: config.databaseUrl, naming: createNaming(config.naming), poolMax: 1, statementTimeoutMs: 10_000 });
    const modules = [...d.caps.modules].join(", ");
    await d.close();
    console.log(`[dashboard] database ok; modules on: ${modules}`);
  } catch (err) {
    console.error(`\n[dashboard] cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
