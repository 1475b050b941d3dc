/**
 * Fills an app database with the demo/benchmark dataset:
 *
 *   DATABASE_URL=postgres://… npm run seed -- --users 100000 [--seed 1] [--now 2026-01-15T12:00:00Z] [--reset] [--concurrency 2]
 *
 * Names come from the same AUTH_DB_* variables as the dashboard. Refuses a database with users it did
 * not create; --reset replaces its own earlier rows. --concurrency: batches written in parallel (use 1
 * for the embedded PGlite database, which runs one statement at a time anyway). The rows are
 * determined by --seed and --now together (sign-ups are placed relative to "now", which defaults to the
 * current time): pin --now to reproduce a dataset (password hashes aside: scrypt salts are random).
 */
import { parseArgs } from "node:util";
import { ConfigError, parseNaming } from "../lib/config";
import { createNaming } from "../lib/db/naming";
import { openDatabase } from "../lib/db/open";
import { SeedRefusedError, seedDatabase } from "../lib/seed/insert";
import { DEMO_PASSWORD, STAFF } from "../lib/seed/staff";

const usage = "usage: npm run seed -- --users N [--seed S] [--now ISO-DATE] [--reset] [--concurrency C]";

function nonNegativeInt(name: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, not "${raw ?? ""}"\n${usage}`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: { users: { type: "string" }, seed: { type: "string" }, concurrency: { type: "string" }, now: { type: "string" }, reset: { type: "boolean", default: false } },
    strict: true,
  });
  const users = nonNegativeInt("users", values.users);
  const seed = nonNegativeInt("seed", values.seed, 1);
  const concurrency = Math.max(1, nonNegativeInt("concurrency", values.concurrency, 2));
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date (ISO 8601), not "${values.now}"\n${usage}`);
  const url = process.env.DATABASE_URL?.trim();
  if (!url) throw new Error(`DATABASE_URL is not set: the seeder needs the app database to fill\n${usage}`);

  const naming = createNaming(parseNaming(process.env));
  // generous timeout: --reset deletes and ANALYZE scan whole tables
  const database = await openDatabase({ url, naming, poolMax: concurrency + 1, statementTimeoutMs: 3_600_000, introspect: true });
  try {
    const tty = process.stdout.isTTY;
    let lastLog = 0;
    const result = await seedDatabase(database.authDb, naming, {
      users,
      seed,
      now,
      reset: values.reset,
      columns: database.caps.columns,
      concurrency,
      onProgress(p) {
        const line = `${p.users.toLocaleString("en-US")} / ${p.total.toLocaleString("en-US")} users, ${p.sessions.toLocaleString("en-US")} sessions (${(p.ms / 1000).toFixed(1)} s)`;
        if (tty) process.stdout.write(`\r${line}   `);
        else if (p.ms - lastLog > 5_000 || p.users === p.total) {
          lastLog = p.ms;
          console.log(line);
        }
      },
    });
    if (tty) process.stdout.write("\n");
    const rows = result.users + result.accounts + result.sessions;
    console.log(
      `seeded ${result.users.toLocaleString("en-US")} users, ${result.accounts.toLocaleString("en-US")} accounts, ` +
        `${result.sessions.toLocaleString("en-US")} sessions in ${(result.ms / 1000).toFixed(1)} s ` +
        `(${Math.round((rows / result.ms) * 1000).toLocaleString("en-US")} rows/s)`,
    );
    console.log(`staff sign-in (password "${DEMO_PASSWORD}"): ${STAFF.map((s) => `${s.email} (${s.role})`).join(", ")}`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  // expected refusals and bad input: the message is the whole story; anything else: the stack
  const parseError = (err as { code?: string } | null)?.code?.startsWith("ERR_PARSE_ARGS") === true;
  const expected = err instanceof SeedRefusedError || err instanceof ConfigError || parseError || (err instanceof Error && err.message.includes(usage));
  console.error(expected ? `${(err as Error).message}${parseError ? `\n${usage}` : ""}` : err);
  process.exit(1);
});
