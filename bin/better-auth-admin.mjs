#!/usr/bin/env node
// The `better-auth-admin` command. The CLI is bundled into dist/cli.mjs and the server prebuilt into
// dist/server when the package is packed (scripts/build-package.ts, run by `prepack`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
if (!existsSync(`${dist}cli.mjs`)) {
  console.error("better-auth-admin: dist/ is missing. In a checkout of the repository, run `npm run build:package` first (or use `npm start`).");
  process.exit(1);
}
const { main } = await import(`${dist}cli.mjs`);
main(process.argv.slice(2), `${dist}server`).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`better-auth-admin: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
