import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// With TEST_DATABASE_URL (CI: the local PostgreSQL 15) files run in parallel, each in its own schema.
// Without it the suite runs on one embedded PGlite, which is a single session: files run one by one.
const server = Boolean(process.env.TEST_DATABASE_URL);

// Pure tests: no database, no globalSetup, so running one does not start an embedded PGlite (~20 s
// on 2 cores). A test that needs the database (inject("databaseUrl")) belongs in `database`.
const UNIT = [
  "test/app-config.test.ts",
  "test/audit-describe.test.ts",
  "test/base-path.test.ts",
  "test/config-vars.test.ts",
  "test/diagnose.test.ts",
  "test/embedded-lock.test.ts",
  "test/export-stream.test.ts",
  "test/import-graph.test.ts",
  "test/module-rows.test.ts",
  "test/modules-client.test.ts",
  "test/input-guard.test.ts",
  "test/name-mapping.test.ts",
  "test/overview-age.test.ts",
  "test/page-stack.test.ts",
  "test/plugin-names.test.ts",
  "test/proxy.test.ts",
  "test/return-path.test.ts",
  "test/roles.test.ts",
  "test/search-plan.test.ts",
  "test/spam-accounts.test.ts",
  "test/spam-patch.test.ts",
  "test/spam-signals.test.ts",
  "test/ui-format.test.ts",
  "test/ui-kit.test.ts",
];

const shared = {
  extends: true,
  test: { pool: "threads", testTimeout: 30_000, hookTimeout: 180_000 },
} satisfies TestProjectInlineConfiguration;

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": fileURLToPath(new URL("./test/setup/empty.ts", import.meta.url)),
    },
  },
  test: {
    env: { NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_TELEMETRY: "0" },
    projects: [
      { ...shared, test: { ...shared.test, name: "unit", include: UNIT } },
      {
        ...shared,
        test: {
          ...shared.test,
          name: "database",
          include: ["test/*.test.ts", "test/*.test.tsx"],
          exclude: UNIT,
          globalSetup: ["./test/setup/global.ts"],
          fileParallelism: server,
        },
      },
      {
        ...shared,
        test: {
          ...shared.test,
          name: "browser",
          include: ["test/e2e/**/*.test.ts"],
          // Set-up starts `next start` (after a build when stale) and seeds: minutes on a busy 2-core machine.
          hookTimeout: 600_000,
          globalSetup: ["./test/setup/global.ts"],
          fileParallelism: server,
          // The embedded engine is one session: browser files wait for the database files.
          sequence: { groupOrder: server ? 0 : 1 },
        },
      },
    ],
  },
});
