import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { createServer as netServer } from "node:net";
import { resolve } from "node:path";
import { toNodeHandler } from "better-auth/node";
import { buildIsStale, nextBin, run } from "../lib/next-build";

const root = resolve(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = netServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? ok(a.port) : fail(new Error("no port"))));
    });
  });
}

export async function waitFor(url: string, child?: ChildProcess, ms = 120_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * `next start` of this dashboard (built first when stale) against the given database env; ready when
 * `readyPath` answers (the sign-in page by default; bench:cold waits on /api/health, which touches nothing).
 */
export async function startDashboard(env: Record<string, string>, readyPath = "/sign-in") {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const fullEnv = { ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_URL: base, ...env };
  if (buildIsStale(root)) {
    console.log("Building the dashboard…");
    if ((await run(["build"], fullEnv)) !== 0) throw new Error("next build failed");
  }
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { cwd: root, env: fullEnv, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout?.on("data", (b: Buffer) => {
    stdout += b.toString();
  });
  await waitFor(`${base}${readyPath}`, child);
  return { base, child, stop: () => child.kill("SIGTERM"), output: () => stdout };
}

/** The app's own Better Auth served over HTTP, as an app exposes it: the baseline's API. */
export async function startBetterAuthApp(auth: Parameters<typeof toNodeHandler>[0]) {
  const port = await freePort();
  const server: Server = createServer(toNodeHandler(auth));
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Signs in through a Better Auth email endpoint and returns the Cookie header to send. */
export async function signInCookie(base: string, path: string, email: string, password: string, origin = base) {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in at ${base}${path} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** A GET that must succeed: a failed request would make its timing meaningless. */
export function getter(base: string, cookie: string) {
  return async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
}
