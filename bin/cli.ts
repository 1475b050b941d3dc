/**
 * `better-auth-admin start [--port 3001] [--config ./lib/auth.ts] [--url https://admin.example.com]`
 * run in an app's folder: reads the app's Better Auth config, turns it into the server's environment
 * variables (lib/app-config/derive.ts) and starts the prebuilt server (dist/server/server.js, Next's
 * standalone output) in a child process, which never imports the app's code. Bundled into
 * dist/cli.mjs by scripts/build-package.ts; bin/better-auth-admin.mjs is the entry point.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeDerived, deriveConfig } from "../lib/app-config/derive";
import { displayPath, findAuthConfig, loadAuthOptions } from "../lib/app-config/load";

const USAGE = `Usage: better-auth-admin start [--port <port>] [--config <path to auth.ts>] [--url <public URL of the dashboard>]

Run it in your app's folder. It reads DATABASE_URL and BETTER_AUTH_SECRET from the environment (or
.env / .env.local there), finds your auth.ts (or uses --config), and serves the dashboard.
Every variable of the dashboard's README works too; with no auth.ts the schema comes from them.`;

/**
 * The app's .env files, for variables the shell did not set. BETTER_AUTH_URL and BASE_PATH there are
 * the app's own (its URL, its mount point), not the dashboard's.
 */
function loadDotEnv(cwd: string): void {
  const shellUrl = process.env.BETTER_AUTH_URL;
  const shellBasePath = process.env.BASE_PATH;
  for (const f of [".env.local", ".env"]) {
    // process.loadEnvFile: Node ≥ 20.12; never overrides a variable already set
    if (existsSync(join(cwd, f)) && typeof process.loadEnvFile === "function") process.loadEnvFile(join(cwd, f));
  }
  if (shellUrl === undefined) delete process.env.BETTER_AUTH_URL;
  else process.env.BETTER_AUTH_URL = shellUrl;
  if (shellBasePath === undefined) delete process.env.BASE_PATH;
  else process.env.BASE_PATH = shellBasePath;
}

export const BASE_PATH_REFUSED = `The prebuilt server of this package serves at the root of its origin: Next.js fixes a base path when it builds, so BASE_PATH cannot be set here.
Instead, either
  - give the dashboard an origin of its own (admin.example.com, or a port) and proxy that, or
  - run it from a checkout of its source repository (npm ci), which builds for the path on first start:
      BASE_PATH=/admin BETTER_AUTH_URL=https://example.com/admin DATABASE_URL=… BETTER_AUTH_SECRET=… npm start
(README, "Under a path")`;

/** What the prebuilt server cannot do: a base path, in BASE_PATH or as the path of the dashboard's URL. */
export function basePathRequested(basePath: string | undefined, url: string): string | null {
  if (basePath?.trim() && basePath.trim() !== "/") return basePath.trim();
  let path = "";
  try {
    path = new URL(url).pathname.replace(/\/+$/, "");
  } catch {}
  return path || null;
}

export async function main(argv: string[], serverDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: "string", short: "p" }, config: { type: "string", short: "c" }, url: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help || positionals[0] !== "start") {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const cwd = process.cwd();
  loadDotEnv(cwd);
  const port = values.port ?? process.env.PORT ?? "3001";
  if (!/^\d{1,5}$/.test(port)) throw new Error(`--port must be a number, not "${port}"`);

  const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "1" };
  env.HOSTNAME = process.env.HOST ?? "localhost";
  env.BETTER_AUTH_URL = values.url ?? process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`;
  const basePath = basePathRequested(process.env.BASE_PATH, env.BETTER_AUTH_URL);
  if (basePath) {
    console.error(`A base path (${basePath}) was asked for. ${BASE_PATH_REFUSED}`);
    return 2;
  }

  const file = findAuthConfig(cwd, values.config);
  if (file) {
    const derived = deriveConfig(await loadAuthOptions(file));
    console.log(describeDerived(displayPath(cwd, file), derived));
    for (const [k, v] of Object.entries(derived.env)) {
      if (process.env[k] !== undefined && process.env[k] !== v) console.warn(`  ${k} from the environment is replaced by what ${displayPath(cwd, file)} says`);
      env[k] = v;
    }
  } else {
    console.log("no auth.ts found (use --config): the schema comes from the environment (AUTH_DB_*)");
  }
  const missing = ["DATABASE_URL", "BETTER_AUTH_SECRET"].filter((k) => !env[k]?.trim());
  if (missing.length) {
    console.error(`${missing.join(" and ")} must be set (in the environment or the app's .env): the app's database, and the secret the dashboard signs its cookies with.`);
    return 2;
  }

  const server = resolve(serverDir, "server.js");
  if (!existsSync(server)) throw new Error(`${server} is missing: this copy of better-auth-admin was packed without its server (npm run build:package)`);
  const started = Date.now();
  const child = spawn(process.execPath, [server], { env, stdio: ["inherit", "pipe", "inherit"], cwd: serverDir });
  child.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/\[dashboard\] database ok/.test(text)) console.log(`\nDashboard: ${env.BETTER_AUTH_URL} (started in ${Date.now() - started} ms)\n`);
  });
  // The server shuts down gracefully on these (lib/shutdown.ts); this process waits for it.
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on("SIGINT", forward).on("SIGTERM", forward);
  return await new Promise<number>((resolveExit) => child.on("exit", (code) => resolveExit(code ?? 1)));
}
