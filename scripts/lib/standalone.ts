import { cpSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * Completes Next's standalone output (.next/standalone, `output: "standalone"` in next.config.mjs)
 * into a server that runs alone: Next leaves the client assets (.next/static) and public/ for the
 * deployer to copy, since a CDN may serve them instead. Returns the path of its server.js.
 */
export function prepareStandalone(root: string): string {
  const dir = join(root, ".next", "standalone");
  const server = join(dir, "server.js");
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` (next.config.mjs must keep output: "standalone")`);
  const staticDir = join(dir, ".next", "static");
  rmSync(staticDir, { recursive: true, force: true });
  cpSync(join(root, ".next", "static"), staticDir, { recursive: true });
  if (existsSync(join(root, "public"))) cpSync(join(root, "public"), join(dir, "public"), { recursive: true });
  return server;
}
