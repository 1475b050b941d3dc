import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbedded } from "../lib/db/embedded";

/**
 * Two `npm start` in one folder used to open the same PGlite files, each working on its own copy.
 * The embedded engine now refuses a second opener of a folder while the first lives.
 */
const root = resolve(import.meta.dirname, "..");
const base = mkdtempSync(join(tmpdir(), "embedded-lock-"));
const refusal = /^another dashboard is already running on .+ \(pid (\d+), port (\S+)\): stop it first, or set DATABASE_URL$/;

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A separate process holding the folder, as a first `npm start` would; resolves once it is open. */
function holder(dir: string): Promise<ChildProcess> {
  const code = `import { startEmbedded } from ${JSON.stringify(resolve(root, "lib/db/embedded.ts"))};
    await startEmbedded(${JSON.stringify(dir)}, 0, "4123"); console.log("ready"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((res, rej) => {
    let err = "";
    child.stderr?.on("data", (b) => (err += b));
    child.stdout?.on("data", (b) => String(b).includes("ready") && res(child));
    child.on("exit", (c) => rej(new Error(`holder exited ${c}: ${err}`)));
  });
}

describe("the embedded database lock", () => {
  it("refuses a second start on the same folder until the first stops", async () => {
    const dir = join(base, "same-process");
    const first = await startEmbedded(dir, 0, "3123");
    try {
      const second = startEmbedded(dir, 0, "3124");
      await expect(second).rejects.toThrow(refusal);
      await expect(second).rejects.toThrow(`(pid ${process.pid}, port 3123)`);
    } finally {
      await first.stop();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const again = await startEmbedded(dir, 0, "3125");
    await again.stop();
  }, 60_000);

  it("refuses while another process holds the folder, and takes over once that process died", async () => {
    const dir = join(base, "other-process");
    const child = await holder(dir);
    try {
      const err = await startEmbedded(dir).then(
        (e) => e.stop().then(() => null),
        (e: Error) => e,
      );
      expect(err?.message).toMatch(refusal);
      expect(err?.message).toContain(`(pid ${child.pid}, port 4123)`);
    } finally {
      // A crash: no clean-up runs, the lock file stays behind with a dead pid.
      const exited = new Promise((r) => child.on("exit", r));
      child.kill("SIGKILL");
      await exited;
    }
    expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid).toBe(child.pid);
    const next = await startEmbedded(dir, 0, "3126");
    try {
      expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8"))).toMatchObject({ pid: process.pid, port: "3126" });
      // The database opens and answers after the crash of its previous owner.
      const client = new pg.Client({ connectionString: next.url });
      await client.connect();
      expect((await client.query("select 41 + 1 as n")).rows[0]).toEqual({ n: 42 });
      await client.end();
    } finally {
      await next.stop();
    }
  }, 60_000);

  it("makes a second `npm start` on the same .data folder exit with that message, before building", async () => {
    const data = join(base, "npm-start");
    const child = await holder(join(data, "pglite"));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DASHBOARD_DATA_DIR: data, PORT: "4999", NEXT_TELEMETRY_DISABLED: "1" };
      delete env.DATABASE_URL;
      const second = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
      expect(second.status).toBe(1);
      expect(second.stderr.trim()).toBe(`another dashboard is already running on ${join(data, "pglite")} (pid ${child.pid}, port 4123): stop it first, or set DATABASE_URL`);
      expect(second.stdout).not.toMatch(/Building/);
    } finally {
      child.kill("SIGKILL");
    }
  }, 90_000);

  it("takes over a lock file whose pid is dead", async () => {
    const dir = join(base, "stale");
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    const pid = Number(dead.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid, port: "9999", startedAt: new Date().toISOString() }));
    const e = await startEmbedded(dir, 0, "3127");
    expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    await e.stop();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  }, 60_000);
});
