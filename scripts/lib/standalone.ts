import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Completes Next's standalone output (.next/standalone, `output: "standalone"` in next.config.mjs)
 * into a server that runs alone: Next leaves the client assets (.next/static) and public/ for the
 * deployer to copy, since a CDN may serve them instead. Returns the path of its server.js.
 *
 * Done once per build (a marker holds the BUILD_ID copied), and atomically: tests running in
 * parallel (shutdown, package) may call it at the same moment, and one must never read the other's
 * half-copied folder. Each copies to a folder of its own and renames it into place; the loser of
 * the rename drops its copy.
 */
export function prepareStandalone(root: string, distDir = ".next"): string {
  const dir = join(root, distDir, "standalone");
  const server = join(dir, "server.js");
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` (next.config.mjs must keep output: "standalone")`);
  const buildId = readFileSync(join(root, distDir, "BUILD_ID"), "utf8").trim();
  // The standalone folder mirrors the project's layout, distDir included (.next-base/admin/standalone/.next-base/admin).
  const marker = join(dir, distDir, "static-build-id");
  if (existsSync(marker) && readFileSync(marker, "utf8") === buildId) return server;
  const target = join(dir, distDir, "static");
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  cpSync(join(root, distDir, "static"), tmp, { recursive: true });
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(tmp, target);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process put its identical copy in place first
  }
  if (existsSync(join(root, "public"))) cpSync(join(root, "public"), join(dir, "public"), { recursive: true });
  writeFileSync(marker, buildId);
  return server;
}
