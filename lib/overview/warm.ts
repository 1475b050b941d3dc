import { getConfig } from "../config";
import type { Capabilities } from "../db/introspect";
import { createNaming } from "../db/naming";
import { type Database, openDatabase } from "../db/open";
import { warmOverview } from "./cache";

/**
 * The overview's figures read once at server start (instrumentation.ts), on the database a staff
 * visit reads (the replica when there is one): the first visit after a deploy is then served from
 * memory instead of waiting for a second of counting at 1M users.
 *
 * `caps`: the shared pool's capabilities (the warm start opens it first thing), so the read begins
 * as soon as that pool is open, without introspecting the schema a second time. Without them (no
 * warm start), or when the shared pool could not open, this connection introspects for itself.
 *
 * On a connection of its own (one, closed after the read), not the shared pool: while the server
 * loads its code the event loop can stall past the connect timeout (3 s), and a failed open of the
 * shared pool failed the visits waiting on the same open with it (a 503 on the first page).
 */
export async function warmOverviewAtStart(caps?: () => Promise<Capabilities>): Promise<void> {
  const config = getConfig();
  let d: Database | null = null;
  await warmOverview(async () => {
    const url = config.readUrl ?? config.databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set");
    await d?.close().catch(() => {});
    // The shared pool failed to open: this connection introspects for itself (and fails alike, or not).
    const known = caps ? await caps().catch(() => undefined) : undefined;
    d = await openDatabase({
      url, naming: createNaming(config.naming), poolMax: 1, statementTimeoutMs: config.statementTimeoutMs,
      // Generous, and harmless here (no visit waits on this pool): the connect timer runs on the
      // event loop, which the server's start keeps busy for seconds on a loaded machine.
      connectTimeoutMs: Math.max(config.connectTimeoutMs, 30_000), sessionsInStore: Boolean(config.redisUrl),
      ...(known ? { caps: known } : {}),
    });
    return d;
  });
  await (d as Database | null)?.close().catch(() => {});
}
