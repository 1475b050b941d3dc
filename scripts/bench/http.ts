import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { DEMO_PASSWORD, STAFF } from "../../lib/seed/staff";
import { signInCookie, startDashboard } from "./servers";

/**
 * What the HTTP benchmarks share: the built dashboard (`next start`) on a schema, signed in as the
 * seeded admin, and the server process's memory read from /proc (the figure a deployer sees).
 * Signing in writes a session row: never point these at a schema that must stay read-only
 * (scripts/bench/copy-schema.ts makes a copy of one to run against).
 */
export async function signedInDashboard(url: string, schema: string, env: Record<string, string> = {}) {
  const dash = await startDashboard({ DATABASE_URL: url, AUTH_DB_SCHEMA: schema, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0", DATABASE_POOL_MAX: "10", ...env });
  try {
    const cookie = await signInCookie(dash.base, "/api/auth/sign-in/email", STAFF[0].email, DEMO_PASSWORD);
    const pid = dash.child.pid;
    if (pid === undefined) throw new Error("the dashboard has no pid");
    return { ...dash, cookie, pid };
  } catch (err) {
    dash.stop();
    throw err;
  }
}

/** Resident memory of a process and its descendants (kB from /proc; `next start` may fork workers). */
export function rssTree(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      // children are listed per thread
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch {
      // the process (or a child) exited between listing and reading: it holds no memory now
    }
  };
  visit(pid);
  return kb * 1024;
}

/** Samples rssTree every `everyMs` until stopped; returns the peak. */
export function rssPeak(pid: number, everyMs = 50) {
  let peak = rssTree(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssTree(pid));
  }, everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssTree(pid));
  };
}

/** The machine's load average, printed beside every figure: other work on the machine skews timings. */
export const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`;

export const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
