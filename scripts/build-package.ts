/**
 * `npm run build:package` (run by `prepack`): what the published package contains besides bin/ —
 *  - dist/server: Next's standalone output (server.js, the traced node_modules it needs, .next with
 *    the static assets copied in), so `npx better-auth-admin start` compiles nothing;
 *  - dist/cli.mjs: bin/cli.ts and the lib/ code it uses, bundled by esbuild (tsx's own dependency);
 *    jiti stays a dependency (it loads the app's auth.ts, and resolves the app's own packages).
 */
import { cpSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build, type Plugin } from "esbuild";
import { buildIsStale, run } from "./lib/next-build";
import { prepareStandalone } from "./lib/standalone";

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist");

async function main() {
  const started = Date.now();
  // The package serves at the root: a BASE_PATH in the packer's shell must not reach this build
  // (the CLI refuses BASE_PATH; see README, "Under a path").
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.BASE_PATH;
  if (buildIsStale(root)) {
    console.log("next build …");
    const code = await run(["build"], env);
    if (code !== 0) process.exit(code);
  }
  prepareStandalone(root);
  rmSync(dist, { recursive: true, force: true });
  cpSync(join(root, ".next", "standalone"), join(dist, "server"), { recursive: true, verbatimSymlinks: false, dereference: true });
  await build({
    entryPoints: [join(root, "bin", "cli.ts")],
    outfile: join(dist, "cli.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["jiti"],
    // better-auth's plugin factories are reached through lib/modules; bundling them keeps the
    // published dependencies to jiti alone.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: "warning",
    plugins: [leaveOutModuleUi],
  });
  console.log(`dist/ ready in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * A module's ui/ folder (user-page panels, API fields) is loaded lazily by the server only; the CLI
 * reads the module declarations, never renders them, so those imports (React, next/link, …) are
 * left out of dist/cli.mjs: an import that is reached anyway fails loudly.
 */
const leaveOutModuleUi: Plugin = {
  name: "leave-out-module-ui",
  setup(b) {
    b.onResolve({ filter: /^\.\/ui\//, namespace: "file" }, (args) =>
      /[\\/]lib[\\/]modules[\\/]/.test(args.importer) && args.kind === "dynamic-import" ? { path: args.path, namespace: "module-ui" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "module-ui" }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is the dashboard server's, not the CLI's`)});`,
      loader: "js",
    }));
  },
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
