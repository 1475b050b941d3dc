import "server-only";
import { getConfig } from "../config";
import { createNaming } from "./naming";
import { type Database, openDatabase } from "./open";

export type { Database } from "./open";

/**
 * The one connection of the running dashboard, opened on first use (never during `next build`) and
 * checked against the name mapping. Kept on globalThis so dev-mode module reloads reuse it.
 */
const g = globalThis as unknown as { __dashboardDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  if (!g.__dashboardDb) {
    const config = getConfig();
    if (!config.databaseUrl) {
      throw new Error("DATABASE_URL is not set. Start the dashboard with `npm start`, which runs the embedded demo database when none is configured.");
    }
    g.__dashboardDb = openDatabase({
      url: config.databaseUrl,
      naming: createNaming(config.naming),
      poolMax: config.poolMax,
      statementTimeoutMs: config.statementTimeoutMs,
    });
    g.__dashboardDb.catch(() => {
      g.__dashboardDb = undefined;
    });
  }
  return g.__dashboardDb;
}
