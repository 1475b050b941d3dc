import "server-only";
import { getConfig } from "../config";
import { createNaming } from "./naming";
import { type Database, openDatabase } from "./open";
import { chooseReadDatabase } from "./routing";

export type { Database } from "./open";
export { FRESH_COOKIE } from "./routing";

/**
 * The connections of the running dashboard, opened on first use (never during `next build`) and
 * checked against the name mapping. Kept on globalThis so dev-mode module reloads reuse them.
 */
const g = globalThis as unknown as { __dashboardDb?: Promise<Database>; __dashboardReadDb?: Promise<Database> };

function open(url: string): Promise<Database> {
  const config = getConfig();
  return openDatabase({
    url,
    naming: createNaming(config.naming),
    poolMax: config.poolMax,
    statementTimeoutMs: config.statementTimeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    sessionsInStore: Boolean(config.redisUrl),
  });
}

/** The primary: every write, and reads that must see the latest writes. */
export function getDatabase(): Promise<Database> {
  if (!g.__dashboardDb) {
    const { databaseUrl } = getConfig();
    if (!databaseUrl) {
      throw new Error("DATABASE_URL is not set. Start the dashboard with `npm start`, which runs the embedded demo database when none is configured.");
    }
    g.__dashboardDb = open(databaseUrl);
    g.__dashboardDb.catch(() => {
      g.__dashboardDb = undefined;
    });
  }
  return g.__dashboardDb;
}

/** The replica named by DATABASE_READ_URL, or the primary when there is none. */
export function getReplicaDatabase(): Promise<Database> {
  const { readUrl } = getConfig();
  if (!readUrl) return getDatabase();
  if (!g.__dashboardReadDb) {
    g.__dashboardReadDb = open(readUrl);
    g.__dashboardReadDb.catch(() => {
      g.__dashboardReadDb = undefined;
    });
  }
  return g.__dashboardReadDb;
}

/**
 * Where a read goes: the replica, unless this staff member wrote something moments ago (the
 * FRESH_COOKIE set by every mutation): then the primary, so the page after a ban shows the ban.
 */
export async function getReadDatabase(headers: Headers): Promise<Database> {
  return chooseReadDatabase(headers, getDatabase, getReplicaDatabase);
}
