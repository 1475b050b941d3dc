import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { buildIsStale, run } from "../../scripts/lib/next-build";
import { prepareStandalone } from "../../scripts/lib/standalone";

/**
 * The production server as it ships (the standalone server.js), in a child process, for tests that
 * need a real process: signals, exit codes, ports. Builds first when the build is stale, under the
 * same lock directory as the browser tests (two builds into one .next corrupt it).
 */
const root = resolve(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? res(address.port) : rej(new Error("no port"))));
    });
  });
}

export async function buildIfStale(): Promise<void> {
  const lock = resolve(root, "test-results", ".next-build.lock");
  mkdirSync(resolve(root, "test-results"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 600_000) rmdirSync(lock);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (buildIsStale(root)) {
      const code = await run(["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
      if (code !== 0) throw new Error(`next build failed (${code})`);
    }
  } finally {
    rmdirSync(lock);
  }
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  port: number;
  output(): string;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
}

export async function startStandalone(env: Record<string, string>, readyPath = "/api/ready"): Promise<ServerProcess> {
  await buildIfStale();
  const server = prepareStandalone(root);
  const port = await freePort();
  let out = "";
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [server], {
    cwd: resolve(server, ".."),
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", HOSTNAME: "127.0.0.1", PORT: String(port), BETTER_AUTH_URL: base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const end = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > end) throw new Error(`server did not become ready:\n${out}`);
    const status = await fetch(base + readyPath).then((r) => r.status, () => 0);
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, base, port, output: () => out, exited };
}
