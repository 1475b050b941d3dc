/**
 * `npm start` (and `npm run dev`): serves the dashboard on PORT (default 3000).
 * - DATABASE_URL set: uses that database as it is (never migrates or seeds it).
 * - DATABASE_URL unset: starts the embedded demo database (PGlite under .data/), creating the
 *   Better Auth schema and demo data on first start, and prints how to sign in.
 * Builds first when there is no production build or the sources are newer than it, then runs the
 * standalone server (.next/standalone/server.js), the same one the package and the container ship,
 * with graceful shutdown (lib/shutdown.ts) in charge of SIGTERM/SIGINT.
 * BASE_PATH=/admin: serves under /admin, from a build of its own (.next-base/admin; Next fixes the
 * base path when building), so switching BASE_PATH on and off never rebuilds the other.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { distDirFor } from "../lib/base-path.mjs";
import { ConfigError, parseConfig } from "../lib/config";
import { EMBEDDED_POOL_MAX, startEmbedded } from "../lib/db/embedded";
import { EmbeddedLockedError } from "../lib/db/embedded-lock";
import { demoStaffAccounts, prepareDemoDatabase } from "../lib/demo";
import { buildIsStale, buildWithProgress, keepingTsconfig, run, runNode } from "./lib/next-build";
import { prepareStandalone } from "./lib/standalone";

const root = resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

function secretFile(dir: string): string {
  const file = join(dir, "secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const port = process.env.PORT ?? "3000";
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: port };
  let stopEmbedded: (() => Promise<void>) | undefined;

  if (!config.databaseUrl) {
    const dataDir = resolve(root, process.env.DASHBOARD_DATA_DIR ?? ".data");
    console.log(`No DATABASE_URL: using the embedded demo database in ${dataDir}`);
    let embedded: Awaited<ReturnType<typeof startEmbedded>>;
    try {
      embedded = await startEmbedded(join(dataDir, "pglite"), 0, port);
    } catch (err) {
      if (!(err instanceof EmbeddedLockedError)) throw err;
      console.error(err.message);
      process.exit(1);
    }
    stopEmbedded = embedded.stop;
    await prepareDemoDatabase(embedded.url, (line) => console.log(line));
    Object.assign(env, {
      DATABASE_URL: embedded.url,
      DATABASE_POOL_MAX: String(EMBEDDED_POOL_MAX),
      BETTER_AUTH_SECRET: config.secret ?? secretFile(dataDir),
      AUTH_DB_SCHEMA: "public",
      AUTH_DB_CASING: "camel",
      AUTH_DB_PLURAL: "false",
      AUTH_DB_MAPPING: "",
    });
  } else if (!config.secret) {
    console.error("BETTER_AUTH_SECRET is required with DATABASE_URL: the dashboard signs its session cookies with it.");
    process.exit(2);
  }

  const shutdown = async (code: number) => {
    await stopEmbedded?.().catch(() => {});
    process.exit(code);
  };

  const distDir = distDirFor(config.basePath);
  if (!dev && buildIsStale(root, distDir)) {
    console.log("Building the dashboard (first start or changed sources); this happens once:");
    const code = await keepingTsconfig(root, () => buildWithProgress(env));
    if (code !== 0) return shutdown(code);
  }

  const url = `${config.baseUrl}${config.basePath}`;
  if (stopEmbedded) {
    setTimeout(() => {
      console.log(`\nDashboard: ${url}\nDemo staff accounts (password: ${demoStaffAccounts[0]?.password}):`);
      for (const a of demoStaffAccounts) console.log(`  ${a.role.padEnd(10)} ${a.email}`);
      console.log("");
    }, 1500);
  }
  const code = dev
    ? await run(["dev", "-p", port], env)
    : await runNode(prepareStandalone(root, distDir), [], { ...env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "1", HOSTNAME: process.env.HOST ?? "0.0.0.0" }, join(root, distDir, "standalone"));
  await shutdown(code);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
