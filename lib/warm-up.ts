import { sql } from "kysely";
import { getAuth } from "./auth";
import { probeCookie } from "./auth/probe-cookie";
import { getConfig } from "./config";
import { getDatabase } from "./db";
import { warmingBegan, warmingEnded } from "./http/warming";
import type { Database } from "./db/open";
import { listSessions } from "./sessions/list";
import { parseSessionListParams } from "./sessions/search-params";
import { getUserDetail } from "./users/detail";
import { parseUserListParams } from "./users/list-params";
import { listUsers } from "./users/queries";
import { toApiUser } from "./users/serialize";
import { within } from "./within";

/**
 * Warm start (instrumentation.ts; WARM_START, on by default). A fresh server pays once, on its first
 * requests, for what a running one has already done: opening the pool's connections and introspecting
 * the schema, creating the Better Auth instance, loading and compiling each route's server chunks,
 * and running cold (unoptimised) code in Next's render path, React, Kysely and pg. A small app's staff
 * meet that server every morning. Two steps move those costs before the first staff request:
 *
 * 1. In process, awaited by register() (so before Next serves a request): the database and Better
 *    Auth singletons (on globalThis, so the routes use the same ones), a few pool connections, and
 *    the list, detail and sessions reads, read-only and capped. Only what is shared gains from these
 *    reads (the singletons, the connections, pg, which is an external package): Turbopack gives
 *    instrumentation, the API routes and each page their own copies of lib/ and Kysely, so the route
 *    code is warmed by step 2, not here. Hence two rounds, not the hundreds V8 would need.
 * 2. Over HTTP, once the server is up (not awaited: Next serves only after register() returns):
 *    requests to the staff pages and the API, which load every route's chunks and run Next's and
 *    React's render path (the sign-in page, the redirects and 401s), several times each. Each
 *    carries a probe cookie (lib/auth/probe-cookie.ts): a session cookie signed with the app's
 *    secret naming a random 192-bit token no session has, so the signed-in path runs up to the
 *    session lookup in every route's own copy of the code (cookie parse, signature, the query that
 *    finds nothing) and then answers as for anyone anonymous. No credentials exist or are made, and
 *    nothing is written: what only a signed-in render runs past the lookup (the table's client
 *    components rendered to HTML, a module's panels) is still cold on the first staff request
 *    (bench:cold and bench:overview measure what is left).
 *
 * Never fatal, never noisy: a failure is one log line (its message, which names no secret), the
 * server serves cold. The "[dashboard] warmed up" line names the time and what ran (bench:cold waits for it).
 */

/** Rounds of the in-process reads (see step 1: they warm shared code only). */
const ROUNDS = 2;
/** Anonymous HTTP passes over the routes. */
const PASSES = 3;
/** Step 1 is abandoned past this (the server then simply starts cold); each request of step 2 too. */
const LIMIT_MS = 15_000;

/** The pages and API reads a staff member's day is made of (anonymous: redirects and 401s). */
export const WARM_PATHS = [
  "/sign-in",
  "/overview",
  "/users",
  "/users?q=warm",
  "/users/warm-up",
  "/sessions",
  "/audit",
  "/api/v1/users?limit=25",
  "/api/v1/users/warm-up",
  "/api/v1/sessions?limit=25",
] as const;

export interface WarmDeps {
  getDatabase: () => Promise<Database>;
  getAuth: () => Promise<unknown>;
  poolMax: number;
  /** where the server listens, once it does (null: skip the HTTP step) */
  origin: () => string | null;
  /** a fresh probe cookie (Cookie header pair) for each request of the HTTP step; null: none */
  probeCookie: () => Promise<string | null>;
  log: (line: string) => void;
}

function defaultDeps(): WarmDeps {
  const config = getConfig();
  return {
    getDatabase,
    getAuth,
    poolMax: config.poolMax,
    // next start and the standalone server.js set these once listening, before register() runs
    origin: () => {
      const port = process.env.PORT;
      return port ? `http://127.0.0.1:${port}${config.basePath}` : null;
    },
    log: (line) => console.log(line),
    probeCookie: async () => {
      if (!config.secret) return null;
      const auth = await getAuth();
      return probeCookie((await auth.$context).authCookies.sessionToken.name, config.secret);
    },
  };
}


const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Step 1: the singletons, connections and query paths, in this process. Returns what it did. */
export async function warmInProcess(deps: WarmDeps): Promise<string> {
  const d = await deps.getDatabase();
  await deps.getAuth();
  // a page render runs a few queries at once (rows, count, session): that many connections, opened now
  const connections = Math.max(1, Math.min(4, deps.poolMax));
  await Promise.all(Array.from({ length: connections }, () => sql`select 1`.execute(d.authDb)));
  const now = new Date();
  let reads = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const page = await listUsers(d, parseUserListParams({ limit: "25" }), now);
    page.rows.map((u) => toApiUser(u, now));
    reads++;
    // a search only where it is cheap: without the trigram indexes one reads every user row
    if (d.caps.searchIndexed) {
      await listUsers(d, parseUserListParams({ q: "zq-warm-up-qz", limit: "25" }), now);
      reads++;
    }
    const first = page.rows[0];
    if (first) {
      await getUserDetail(d, first.id, now);
      reads++;
    }
    if (d.caps.sessionTable) {
      await listSessions(d, parseSessionListParams({ limit: "25" }), now);
      reads++;
    }
  }
  return `${connections} connections, ${reads} reads`;
}

/** Step 2: requests to the routes with a probe cookie, over HTTP, once the server answers. Returns what it did. */
export async function warmOverHttp(origin: string, probe: () => Promise<string | null>, passes = PASSES): Promise<string> {
  let requests = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const path of WARM_PATHS) {
      const cookie = await probe();
      // bounded per request, not as a whole: on a loaded machine the passes take long, and finish
      const headers: Record<string, string> = { "user-agent": "better-auth-admin warm-up", ...(cookie ? { cookie } : {}) };
      const res = await fetch(`${origin}${path}`, { redirect: "manual", headers, signal: AbortSignal.timeout(LIMIT_MS) });
      await res.arrayBuffer();
      requests++;
    }
  }
  return `${requests} requests`;
}

/**
 * Runs step 1 and returns; step 2 follows in the background. Resolves always (failures are logged):
 * a warm-up must never keep the server from starting.
 */
export async function warmStart(deps: WarmDeps = defaultDeps()): Promise<void> {
  const t0 = performance.now();
  let inProcess: string;
  try {
    inProcess = await within(warmInProcess(deps), LIMIT_MS);
  } catch (err) {
    deps.log(`[dashboard] warm-up skipped (the server starts cold): ${message(err)}`);
    return;
  }
  const origin = deps.origin();
  const done = (what: string) => deps.log(`[dashboard] warmed up in ${Math.round(performance.now() - t0)} ms (${what})`);
  if (!origin) {
    done(inProcess);
    return;
  }
  // Next serves requests only once register() has returned: these wait in its queue until then.
  // until it ends, readiness says "warming" (lib/http/warming.ts): balancers wait for a warm instance
  warmingBegan();
  void warmOverHttp(origin, deps.probeCookie)
    .then(
      (http) => done(`${inProcess}; ${http}`),
      (err: unknown) => deps.log(`[dashboard] warm-up over HTTP stopped (the rest starts cold): ${message(err)}`),
    )
    .finally(warmingEnded);
}
