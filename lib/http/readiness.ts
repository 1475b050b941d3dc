import { sql } from "kysely";
import { isUnavailable } from "../errors";
import type { Database } from "../db/open";
import type { SessionStore } from "../sessions/store";
import { TimedOut, within } from "../within";

/**
 * GET /api/ready's verdict: can this instance serve? The database answers, the configured name
 * mapping matched it at start (introspection), and the session store answers when REDIS_URL is set.
 *
 * What a load balancer gets back names the failing dependency and a fixed reason, never an error
 * message: those can carry connection strings, hostnames, table names or versions. The detail goes
 * to the server log (once per verdict, so a balancer polling a dead database logs a line every few
 * seconds, not one per probe of every balancer).
 */
export type CheckResult = "ok" | "unreachable" | "timeout" | "schema_mismatch" | "not_configured" | "error";
export interface Verdict {
  ready: boolean;
  checks: { database: CheckResult; redis?: CheckResult };
}

export interface ReadinessDeps {
  getDatabase: () => Promise<Database>;
  store: SessionStore | null;
  /** each check's bound; a probe must answer well inside a balancer's own timeout */
  timeoutMs: number;
}


async function checkDatabase(deps: ReadinessDeps): Promise<CheckResult> {
  let d: Database;
  try {
    // Opening runs introspection (lib/db/introspect.ts): a mapping that does not match throws here,
    // and the failed open is forgotten, so the next probe tries again.
    d = await within(Promise.resolve().then(deps.getDatabase), deps.timeoutMs, `no answer in ${deps.timeoutMs} ms`);
  } catch (err) {
    return classify("database", err, "schema_mismatch");
  }
  try {
    await within(sql`select 1`.execute(d.authDb), deps.timeoutMs, `no answer in ${deps.timeoutMs} ms`);
    return "ok";
  } catch (err) {
    return classify("database", err, "error");
  }
}

async function checkRedis(store: SessionStore): Promise<CheckResult> {
  try {
    // The store's own client is bounded by REDIS_TIMEOUT_MS (connect and command).
    await store.ping?.();
    return "ok";
  } catch (err) {
    return classify("redis", err, "unreachable");
  }
}

function classify(what: string, err: unknown, otherwise: CheckResult): CheckResult {
  const result: CheckResult = err instanceof TimedOut ? "timeout" : isUnavailable(err) ? "unreachable" : otherwise;
  console.warn(`[ready] ${what}: ${result}:`, err instanceof Error ? err.message : err);
  return result;
}

export async function checkReadiness(deps: ReadinessDeps): Promise<Verdict> {
  const [database, redis] = await Promise.all([checkDatabase(deps), deps.store ? checkRedis(deps.store) : undefined]);
  const checks: Verdict["checks"] = redis === undefined ? { database } : { database, redis };
  return { ready: database === "ok" && (redis === undefined || redis === "ok"), checks };
}

/**
 * One verdict per `ttlMs`, shared by every probe in that window (and by probes that arrive while
 * it is being computed): a balancer polling every few seconds, or several balancers, cost at most
 * one `select 1` and one PING per window.
 */
export function cachedReadiness(compute: () => Promise<Verdict>, ttlMs: number, now: () => number = Date.now) {
  let last: { at: number; verdict: Promise<Verdict> } | undefined;
  return (): Promise<Verdict> => {
    const t = now();
    if (!last || t - last.at >= ttlMs) {
      const entry = { at: t, verdict: compute() };
      last = entry;
      // The window starts when the verdict is known, so a slow check is not recomputed at once.
      entry.verdict.then(() => {
        entry.at = now();
      });
    }
    return last.verdict;
  };
}
