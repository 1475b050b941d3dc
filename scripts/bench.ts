/**
 * npm run bench [-- --users N] [--runs R]
 * Seeds (or reuses) a database with N users (default 1,000,000 on a server, 20,000 embedded) and
 * times this dashboard's query layer against Better Auth's own admin `listUsers` on the same data,
 * in one run: the baseline is measured alongside, never remembered.
 * Database: BENCH_DATABASE_URL, else DATABASE_URL, else the embedded engine (small N only).
 */
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, sql } from "kysely";
import { betterAuth } from "better-auth";
import { admin } from "better-auth/plugins";
import { startEmbedded } from "../lib/db/embedded";
import { appAuthOptions, migrateAppSchema } from "../lib/db/migrate";
import { createNaming } from "../lib/db/naming";
import { createPool, openDatabase } from "../lib/db/open";
import { DEMO_PASSWORD, STAFF } from "../lib/seed/staff";
import { seedDatabase } from "../lib/seed/insert";
import { countUsers } from "../lib/users/count";
import { encodeCursor } from "../lib/db/cursor";
import { getUserDetail } from "../lib/users/detail";
import { listUsers } from "../lib/users/queries";
import { parseUserListParams } from "../lib/users/search-params";
import { benchBaselineBans, benchMutations } from "./bench/mutations";
import { table, time, type Timing } from "./bench/stats";

const { values } = parseArgs({ options: { users: { type: "string" }, runs: { type: "string", default: "20" } } });
const runs = Number(values.runs);

async function main() {
  let url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const e = await startEmbedded();
    url = e.url;
    stop = e.stop;
    console.log("No BENCH_DATABASE_URL/DATABASE_URL: benchmarking on the embedded engine (set one for the 1M-user run).");
  }
  const users = Number(values.users ?? (stop ? 20_000 : 1_000_000));
  const schema = `bench_${users}`;
  const naming = createNaming({ schema, casing: "camel", usePlural: false, models: {} });
  const pool = createPool(url, 3, 600_000);
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });

  // Reuse a complete earlier seed of the same size; otherwise start the schema afresh.
  const seeded = await sql<{ n: string }>`select count(*) as n from ${sql.id(schema, "user")}`.execute(raw).then((r) => Number(r.rows[0]?.n), () => -1);
  if (seeded !== users + STAFF.length) {
    console.log(`Seeding ${users.toLocaleString("en")} users into schema ${schema}…`);
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(raw);
    await sql`create schema ${sql.id(schema)}`.execute(raw);
    await migrateAppSchema(raw, naming, ["admin"]);
    const r = await seedDatabase(raw, naming, {
      users, seed: 1, concurrency: stop ? 1 : 2,
      onProgress: (p) => process.stdout.write(`\r  ${p.users.toLocaleString("en")} / ${p.total.toLocaleString("en")} users`),
    });
    console.log(`\n  ${r.users} users, ${r.accounts} accounts, ${r.sessions} sessions in ${(r.ms / 1000).toFixed(1)} s`);
  } else {
    console.log(`Reusing ${users.toLocaleString("en")} seeded users in schema ${schema}.`);
  }

  const d = await openDatabase({ url, naming, poolMax: 2, statementTimeoutMs: 600_000 });
  // The app's own Better Auth with the admin plugin: the baseline every app already has.
  const auth = betterAuth({ ...appAuthOptions(raw, naming, [], { rateLimit: { enabled: false } }), plugins: [admin()] });
  const signIn = await auth.api.signInEmail({ body: { email: STAFF[0].email, password: DEMO_PASSWORD }, returnHeaders: true });
  const headers = new Headers({ cookie: signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
  const baListUsers = (query: Record<string, string | number | boolean>) => auth.api.listUsers({ query: query as never, headers });

  // Search terms from the data itself: a common fragment, one user's unique address, one name.
  const sample = await d.db.selectFrom("user").select(["user.id", "user.email", "user.name"]).where("user.id", "like", "sd%").orderBy("user.id").offset(Math.floor(users / 3)).limit(1).executeTakeFirstOrThrow();
  const rare = sample.email.split("@")[0] ?? sample.email;
  const nameTerm = sample.name.split(" ").at(-1) ?? sample.name;
  const deep = Math.floor(users / 2);
  const deepRow = await d.db.selectFrom("user").select(["user.id", sql<string>`cast(${sql.ref("user.createdAt")} as text)`.as("v")]).orderBy("user.createdAt", "desc").orderBy("user.id", "desc").offset(deep - 1).limit(1).executeTakeFirstOrThrow();
  const deepCursor = encodeCursor({ sort: "-createdAt", value: deepRow.v, id: deepRow.id });
  const ours = (q: Record<string, string>) => () => listUsers(d, parseUserListParams({ limit: "25", ...q }));

  const rows: { name: string; ours: Timing; baseline: Timing | null; note?: string }[] = [];
  // Both sides must return rows, or the comparison times an error (listUsers swallows errors into []).
  const size = (r: unknown) => (r as { rows?: unknown[] }).rows?.length ?? (r as { users?: unknown[] }).users?.length ?? (r && typeof r === "object" ? 1 : 0);
  const bench = async (name: string, mine: () => Promise<unknown>, theirs: (() => Promise<unknown>) | null, note?: string) => {
    process.stdout.write(`  ${name}…`);
    const [a0, b0] = [size(await mine()), theirs ? size(await theirs()) : null];
    if (a0 === 0 || b0 === 0) throw new Error(`${name}: a side returned no rows (ours ${a0}, listUsers ${b0}); the timing would be meaningless`);
    const a = await time(mine, runs);
    const b = theirs ? await time(theirs, runs) : null;
    rows.push({ name, ours: a, baseline: b, note });
    process.stdout.write(" done\n");
  };

  console.log(`\nTiming ${runs} runs per scenario (after 2 warm-ups)…`);
  await bench("first page (newest)", ours({}), () => baListUsers({ limit: 25, offset: 0, sortBy: "createdAt", sortDirection: "desc" }));
  await bench('substring search "son"', ours({ q: "son" }), () => baListUsers({ limit: 25, searchValue: "son", searchField: "email", searchOperator: "contains" }), "ours: email+name, case-insensitive");
  await bench(`rare substring "${rare}"`, ours({ q: rare }), () => baListUsers({ limit: 25, searchValue: rare, searchField: "email", searchOperator: "contains" }));
  await bench(`name search "${nameTerm}"`, ours({ q: nameTerm }), () => baListUsers({ limit: 25, searchValue: nameTerm, searchField: "name", searchOperator: "contains" }));
  await bench("filter banned", ours({ status: "banned" }), () => baListUsers({ limit: 25, filterField: "banned", filterValue: true }), "ours: effective ban (expiry checked)");
  await bench(`deep page (offset ${deep.toLocaleString("en")})`, ours({ cursor: deepCursor }), () => baListUsers({ limit: 25, offset: deep, sortBy: "createdAt", sortDirection: "desc" }), "ours: keyset cursor");
  await bench("user detail", () => getUserDetail(d, sample.id), async () => {
    const [user] = await Promise.all([
      auth.api.getUser({ query: { id: sample.id }, headers }),
      auth.api.listUserSessions({ body: { userId: sample.id }, headers }),
    ]);
    return user;
  }, "baseline: admin getUser + listUserSessions");
  await bench("count, unfiltered", () => countUsers(d, {}), null, "ours: planner estimate");
  await bench('count, search "son"', () => countUsers(d, { q: "son" }), null, "ours: capped at 10,000; streamed, never blocks the page");

  console.log("\nModeration at scale (single runs; rows restored afterwards)…");
  const bulkN = Math.min(10_000, Math.floor(users / 10));
  const mutations = await benchMutations(d, raw, bulkN);
  const baselineN = Math.min(1_000, bulkN);
  const baseline = await benchBaselineBans(
    d, raw,
    (userId) => auth.api.banUser({ body: { userId, banReason: "bench" }, headers }),
    (userId) => auth.api.unbanUser({ body: { userId }, headers }),
    baselineN,
  );

  const pg = await sql<{ v: string }>`select version() as v`.execute(raw);
  console.log(`\n${users.toLocaleString("en")} users · ${pg.rows[0]?.v.split(" on ")[0]} · times in ms · in-process, no HTTP\n`);
  console.log(table(rows));
  console.log("");
  for (const m of mutations) console.log(`${m.name.padEnd(34)} ${m.ms.toFixed(0).padStart(7)} ms   ${m.detail}`);
  const perUser = baseline.ms / baseline.n;
  console.log(
    `${"admin banUser, one call per user".padEnd(34)} ${baseline.ms.toFixed(0).padStart(7)} ms   ${baseline.n} users measured; ` +
      `×${bulkN / baseline.n} extrapolated to ${bulkN.toLocaleString("en")} users: ${((perUser * bulkN) / 1000).toFixed(1)} s`,
  );
  await d.close();
  await raw.destroy();
  await stop?.();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
