import "server-only";
import { getConfig } from "../config";
import { getDatabase } from "../db";
import { getSessionStore } from "../sessions/store-config";
import { cachedReadiness, checkReadiness, type Verdict } from "./readiness";
import { isWarming } from "./warming";

/**
 * The process's readiness probe, cached (READY_CACHE_MS) on globalThis: Next may load this module in
 * more than one bundle, and they must share one cache. Once shutdown has begun (lib/shutdown.ts sets
 * the flag) the answer is 503 at once, so a balancer stops sending new requests while in-flight ones finish.
 */
const g = globalThis as unknown as { __baAdminReady?: () => Promise<Verdict>; __baAdminShuttingDown?: boolean };

export async function getReadiness(): Promise<Verdict & { shuttingDown?: true; warming?: true }> {
  if (g.__baAdminShuttingDown) return { ready: false, checks: { database: "ok" }, shuttingDown: true };
  if (!g.__baAdminReady) {
    const { ready } = getConfig();
    g.__baAdminReady = cachedReadiness(() => checkReadiness({ getDatabase, store: getSessionStore(), timeoutMs: ready.timeoutMs }), ready.cacheMs);
  }
  const verdict = await g.__baAdminReady();
  // serving, but still cold: ready once the warm-up ends (bounded; lib/http/warming.ts)
  return verdict.ready && isWarming() ? { ...verdict, ready: false, warming: true } : verdict;
}
