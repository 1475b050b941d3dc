/**
 * npm run bench [-- --users N] [--runs R] [--in-process] [--skip-spam] [--seed-only]
 * Times this dashboard against Better Auth's own admin API (listUsers, getUser, banUser…) on the same
 * seeded database, in one run: the baseline is measured alongside, never remembered.
 * Default: over HTTP — `next start` of the dashboard and the app's Better Auth handler, both signed
 * in. --in-process calls the query functions and auth.api directly (no HTTP, no build needed).
 * Database: BENCH_DATABASE_URL, else DATABASE_URL, else the embedded engine (small N only).
 */
import { parseArgs } from "node:util";
import { betterAuth } from "better-auth";
import { admin } from "better-auth/plugins";
import { sql } from "kysely";
import { actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { parseStaffRoleMap } from "../lib/config";
import { encodeCursor } from "../lib/db/cursor";
import { appAuthOptions } from "../lib/db/migrate";
import { DEMO_PASSWORD, STAFF } from "../lib/seed/staff";
import { listSessions } from "../lib/sessions/list";
import { computeSpam } from "../lib/spam/engine";
import { parseSessionListParams } from "../lib/sessions/search-params";
import { getUserDetail } from "../lib/users/detail";
import { listUsers } from "../lib/users/queries";
import { parseUserListParams } from "../lib/users/list-params";
import { benchMutations, type MutationOps } from "./bench/mutations";
import { getter, signInCookie, startBetterAuthApp, startDashboard } from "./bench/servers";
import { prepareBenchDatabase } from "./bench/setup";
import { table, time, type Timing } from "./bench/stats";

const { values } = parseArgs({ options: { users: { type: "string" }, runs: { type: "string", default: "20" }, "in-process": { type: "boolean", default: false }, "skip-spam": { type: "boolean", default: false }, "seed-only": { type: "boolean", default: false } } });
const runs = Number(values.runs);
const WARMUP_REQUESTS = 5_000;
const http = !values["in-process"];

async function main() {
  const b = await prepareBenchDatabase(values.users ? Number(values.users) : undefined);
  // --seed-only: seed now, time later (e.g. after `npm run doctor -- --apply` on the new schema).
  if (values["seed-only"]) return b.close();
  const { d, raw, users } = b;
  const auth = betterAuth({ ...appAuthOptions(raw, b.naming, [], { rateLimit: { enabled: false } }), plugins: [admin()] });

  // Terms from the data itself: one user's unique address fragment, their surname, an IP with sessions.
  const sample = await d.db.selectFrom("user").select(["user.id", "user.email", "user.name"]).where("user.id", "like", "sd%").orderBy("user.id").offset(Math.floor(users / 3)).limit(1).executeTakeFirstOrThrow();
  const rare = sample.email.split("@")[0] ?? sample.email;
  const nameTerm = sample.name.split(" ").at(-1) ?? sample.name;
  const deep = Math.floor(users / 2);
  const deepRow = await d.db.selectFrom("user").select(["user.id", sql<string>`cast(${sql.ref("user.createdAt")} as text)`.as("v")]).orderBy("user.createdAt", "desc").orderBy("user.id", "desc").offset(deep - 1).limit(1).executeTakeFirstOrThrow();
  const deepCursor = encodeCursor({ sort: "-createdAt", value: deepRow.v, id: deepRow.id });
  const ip = (await sql<{ ip: string }>`select "ipAddress" as ip from ${sql.id(b.schema, "session")} where "expiresAt" > now() and coalesce("ipAddress", '') <> '' group by 1 having count(*) >= 2 limit 1`.execute(raw)).rows[0]?.ip ?? "127.0.0.1";

  const staff = { id: STAFF[0].id, email: STAFF[0].email, name: "Bench", role: "admin", appRole: "admin" } as const;
  const deps = { d, staff, request: { ip: null, userAgent: "bench" }, store: null, settings: { preserveSessions: false, staffRoleMap: parseStaffRoleMap(undefined) }, log: () => {} };
  const stopAll: (() => unknown)[] = [];
  let ours: (path: string) => Promise<unknown>;
  let theirs: (path: string) => Promise<unknown>;
  let ops: MutationOps;
  const baHeaders = new Headers({ cookie: "" });
  if (http) {
    const dash = await startDashboard({ DATABASE_URL: b.url, AUTH_DB_SCHEMA: b.schema, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0", DATABASE_POOL_MAX: "10" });
    const app = await startBetterAuthApp(auth);
    stopAll.push(dash.stop, app.stop);
    const dashCookie = await signInCookie(dash.base, "/api/auth/sign-in/email", STAFF[0].email, DEMO_PASSWORD);
    const appCookie = await signInCookie(app.base, "/api/auth/sign-in/email", STAFF[0].email, DEMO_PASSWORD, "http://localhost:3000");
    ours = getter(dash.base, dashCookie);
    theirs = getter(app.base, appCookie);
    const post = (base: string, cookie: string, origin: string) => async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, { method: "POST", headers: { cookie, origin, "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    const p = post(dash.base, dashCookie, dash.base);
    const q = post(app.base, appCookie, "http://localhost:3000");
    ops = {
      banMany: (ids) => p("/api/v1/users/bulk", { action: "ban", ids, reason: "bench" }),
      unbanMany: (ids) => p("/api/v1/users/bulk", { action: "unban", ids }),
      revokeRange: (cidr) => p("/api/v1/sessions/revoke", { cidr }),
      banOne: (userId) => q("/api/auth/admin/ban-user", { userId, banReason: "bench" }),
      unbanOne: (userId) => q("/api/auth/admin/unban-user", { userId }),
    };
  } else {
    const signIn = await auth.api.signInEmail({ body: { email: STAFF[0].email, password: DEMO_PASSWORD }, returnHeaders: true });
    baHeaders.set("cookie", signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "));
    // In-process: the same paths, dispatched to the query functions and auth.api.
    ours = async (path) => {
      const url = new URL(path, "http://x");
      if (url.pathname === "/api/v1/users") return listUsers(d, parseUserListParams(url.searchParams));
      if (url.pathname === "/api/v1/sessions") return listSessions(d, parseSessionListParams(url.searchParams));
      return getUserDetail(d, url.pathname.split("/").at(-1) ?? "");
    };
    theirs = async (path) => {
      const url = new URL(path, "http://x");
      const query = Object.fromEntries(url.searchParams) as never;
      if (url.pathname.endsWith("list-users")) return auth.api.listUsers({ query, headers: baHeaders });
      if (url.pathname.endsWith("get-user")) return auth.api.getUser({ query, headers: baHeaders });
      return auth.api.listUserSessions({ body: { userId: url.searchParams.get("userId") ?? "" }, headers: baHeaders });
    };
    const run = (name: keyof typeof actions, input: unknown) => executeAction(actions[name] as never, deps, input) as Promise<any>;
    ops = {
      banMany: (ids) => run("users.bulk", { action: "ban", ids, reason: "bench" }),
      unbanMany: (ids) => run("users.bulk", { action: "unban", ids }),
      revokeRange: (cidr) => run("sessions.revoke.filter", { filter: { ip: cidr } }),
      banOne: (userId) => auth.api.banUser({ body: { userId, banReason: "bench" }, headers: baHeaders }),
      unbanOne: (userId) => auth.api.unbanUser({ body: { userId }, headers: baHeaders }),
    };
  }

  // Both sides must return rows, or the comparison would time an error (listUsers swallows errors into []).
  const size = (r: unknown) => {
    const o = r as { data?: unknown[]; rows?: unknown[]; users?: unknown[]; user?: unknown };
    return (o.data ?? o.rows ?? o.users)?.length ?? (o && typeof o === "object" ? 1 : 0);
  };
  const rows: { name: string; ours: Timing; baseline: Timing | null; note?: string }[] = [];
  const bench = async (name: string, mine: () => Promise<unknown>, base: (() => Promise<unknown>) | null, note?: string) => {
    process.stdout.write(`  ${name}…`);
    const [a0, b0] = [size(await mine()), base ? size(await base()) : null];
    if (a0 === 0 || b0 === 0) throw new Error(`${name}: a side returned no rows (ours ${a0}, baseline ${b0})`);
    // A fresh `next start` compiles and optimises on first use: warm each side up properly first.
    const warm = http ? 10 : 2;
    rows.push({ name, ours: await time(mine, runs, warm), baseline: base ? await time(base, runs, warm) : null, note });
    process.stdout.write(" done\n");
  };
  const la = (q: string) => () => theirs(`/api/auth/admin/list-users?limit=25&${q}`);
  const u = (q: string) => () => ours(`/api/v1/users?limit=25&${q}`);

  if (http) {
    // A fresh server takes thousands of requests to reach its steady speed (V8 optimising Next's and
    // Better Auth's code: per-request CPU fell from ~3–5 ms to ~1.2 ms over the first ~4,000). Both
    // servers get the same number of cheap requests first, so neither is timed cold.
    process.stdout.write(`Warming both servers up (${WARMUP_REQUESTS.toLocaleString("en")} cheap requests each)…`);
    for (let i = 0; i < WARMUP_REQUESTS; i++) {
      await ours(`/api/v1/users/${sample.id}`);
      await theirs(`/api/auth/admin/get-user?id=${sample.id}`);
    }
    process.stdout.write(" done\n");
  }
  console.log(`\nTiming ${runs} runs per scenario (after ${http ? 10 : 2} warm-ups each), ${http ? "over HTTP" : "in-process"}…`);
  await bench("first page (newest)", u(""), la("offset=0&sortBy=createdAt&sortDirection=desc"));
  await bench('substring search "son"', u("q=son"), la("searchValue=son&searchField=email&searchOperator=contains"), "baseline: unsorted, email only, case-sensitive");
  await bench(`rare substring "${rare}"`, u(`q=${encodeURIComponent(rare)}`), la(`searchValue=${encodeURIComponent(rare)}&searchField=email&searchOperator=contains`));
  await bench(`name search "${nameTerm}"`, u(`q=${encodeURIComponent(nameTerm)}`), la(`searchValue=${encodeURIComponent(nameTerm)}&searchField=name&searchOperator=contains`), "ours: email+name, sorted newest first");
  await bench("filter banned", u("status=banned"), la("filterField=banned&filterValue=true"), "ours: effective ban (expiry checked)");
  await bench(`deep page (offset ${deep.toLocaleString("en")})`, u(`cursor=${deepCursor}`), la(`offset=${deep}&sortBy=createdAt&sortDirection=desc`), "ours: keyset cursor");
  await bench("user detail", () => ours(`/api/v1/users/${sample.id}`), async () => {
    await theirs(`/api/auth/admin/get-user?id=${sample.id}`);
    return {};
  }, "baseline: admin getUser only");
  await bench("users by last activity", u("sort=-lastActiveAt"), null, "no equivalent in Better Auth");
  await bench(`sessions of one IP (${ip})`, () => ours(`/api/v1/sessions?ip=${encodeURIComponent(ip)}`), null, "no equivalent in Better Auth");

  console.log("\nModeration at scale (single runs; rows restored afterwards)…");
  const bulkN = Math.min(10_000, Math.floor(users / 10));
  const mutations = await benchMutations(d, raw, ops, bulkN, Math.min(1_000, bulkN));

  const spam: string[] = [];
  // --skip-spam: the full pass holds every account in memory (1.7 GB at 1M users).
  const spamPasses = values["skip-spam"] ? [] : [30, 0];
  if (spamPasses.length) console.log("\nSpam scoring (single runs, in-process)…");
  for (const sinceDays of spamPasses) {
    const r = await computeSpam(d, { sinceDays });
    spam.push(
      `spam scoring, ${sinceDays ? `last ${sinceDays} days` : "everyone"}`.padEnd(36) +
        `${r.stats.ms.total.toFixed(0).padStart(8)} ms   ${r.stats.scored.toLocaleString("en")} accounts scored, ${r.stats.likely} likely spam, ${r.waves.length} waves`,
    );
  }

  const pg = await sql<{ v: string }>`select version() as v`.execute(raw);
  console.log(`\n${users.toLocaleString("en")} users · ${pg.rows[0]?.v.split(" on ")[0]} · times in ms · ${http ? "HTTP (next start, keep-alive)" : "in-process"}\n`);
  console.log(table(rows));
  console.log(`\n${mutations.join("\n")}\n${spam.join("\n")}`);
  for (const s of stopAll) await s();
  await b.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
