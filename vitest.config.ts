import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// With TEST_DATABASE_URL (CI: the local PostgreSQL 15) files run in parallel, each in its own schema.
// Without it the suite runs on one embedded PGlite, which is a single session: files run one by one.
const server = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": fileURLToPath(new URL("./test/setup/empty.ts", import.meta.url)),
    },
  },
  test: {
    globalSetup: ["./test/setup/global.ts"],
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    pool: "threads",
    fileParallelism: server,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    env: { NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_TELEMETRY: "0" },
  },
});
