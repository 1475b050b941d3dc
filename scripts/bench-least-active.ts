/**
 * npx tsx scripts/bench-least-active.ts [--schema bench_1000000] [--runs R] [--only TEXT]
 * The users list sorted by least recent activity (sort=lastActiveAt) on a seeded benchmark schema,
 * read-only: least-active.ts's walk beside the plain per-user aggregate (the same listUsers with the
 * walk off), each page checked to be the same rows. First page, pages deep in the never-active
 * users and deep in the active ones, and with filters. Run the doctor on the schema first.
 * Database: BENCH_DATABASE_URL, else DATABASE_URL.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { encodeCursor } from "../lib/db/cursor";
import { createNaming } from "../lib/db/naming";
import { openDatabase } from "../lib/db/open";
import { parseUserListParams } from "../lib/users/list-params";
import { listUsers, SEARCH_TUNING } from "../lib/users/queries";
import { table, time } from "./bench/stats";

const { values } = parseArgs({ options: { schema: { type: "string", default: "bench_1000000" }, runs: { type: "string", default: "5" }, only: { type: "string" } }, strict: true });
const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`;

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("set BENCH_DATABASE_URL or DATABASE_URL");
  const schema = values.schema;
  const runs = Number(values.runs);
  const d = await openDatabase({ url, naming: createNaming({ schema, casing: "camel", usePlural: false, models: {} }), poolMax: 4, statementTimeoutMs: 600_000 });
  try {
    const s = (t: string) => sql.id(schema, t);
    // Cursors from the data: deep among the never-active users (by id), and deep among the active
    // ones (by their latest session, the sort's own value).
    const never = await sql<{ id: string; n: string }>`select u.id, count(*) over () as n from ${s("user")} u
      where not exists (select 1 from ${s("session")} x where x."userId" = u.id) order by u.id`.execute(d.authDb);
    const neverMid = never.rows[Math.floor(never.rows.length / 2)];
    const active = await sql<{ id: string; v: string }>`select "userId" as id, cast(max("updatedAt") as text) as v from ${s("session")}
      group by "userId" order by max("updatedAt"), "userId" offset 500000 limit 1`.execute(d.authDb);
    const activeMid = active.rows[0];
    if (!neverMid || !activeMid) throw new Error(`${schema}: no never-active or too few active users`);
    const cursors = {
      neverDeep: encodeCursor({ sort: "lastActiveAt", value: "-infinity", id: neverMid.id }),
      activeDeep: encodeCursor({ sort: "lastActiveAt", value: activeMid.v, id: activeMid.id }),
    };
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const scenarios: [string, Record<string, string>][] = [
      ["first page", {}],
      [`page ${(never.rows.length / 2).toLocaleString("en")} deep in never-active`, { cursor: cursors.neverDeep }],
      ["page 500,000 deep in the active", { cursor: cursors.activeDeep }],
      ["inactive for 90 days (lastActiveBefore)", { lastActiveBefore: day(90) }],
      ["active in 90 days, least recent first", { activeSince: day(90) }],
      ["role=user", { role: "user" }],
      ["unverified", { verified: "false" }],
      ['search "son"', { q: "son" }],
    ];
    const plain = { ...SEARCH_TUNING, activityWalk: 0 };
    console.log(`users sorted by least recent activity, schema ${schema}, ${Number(never.rows[0]?.n ?? 0).toLocaleString("en")} users without a session; ${load()}`);
    const rows = [];
    // --only: the scenarios whose name contains TEXT (the aggregate costs a minute or more each)
    for (const [name, extra] of scenarios.filter(([name]) => !values.only || name.includes(values.only))) {
      const p = parseUserListParams({ sort: "lastActiveAt", limit: "25", ...extra });
      const ours = await listUsers(d, p, new Date(), SEARCH_TUNING);
      // The aggregate reads every user the filters pass (seconds at 1M): timed once, on the check.
      const t0 = performance.now();
      const ref = await listUsers(d, p, new Date(), plain);
      const refMs = performance.now() - t0;
      const same = JSON.stringify(ours.rows.map((r) => r.id)) === JSON.stringify(ref.rows.map((r) => r.id)) && ours.nextCursor === ref.nextCursor;
      if (!same) throw new Error(`${name}: the walk and the aggregate disagree`);
      const row = {
        name,
        ours: await time(() => listUsers(d, p, new Date(), SEARCH_TUNING), runs, 1),
        baseline: { p50: refMs, p95: refMs, runs: 1 },
        note: `${ours.rows.length} rows, same as the aggregate`,
      };
      rows.push(row);
      // each as it is measured (the aggregate takes seconds per scenario), the table at the end
      console.log(`  ${name}: walk p50 ${row.ours.p50.toFixed(1)} ms, p95 ${row.ours.p95.toFixed(1)} ms; aggregate ${refMs.toFixed(0)} ms; ${load()}`);
    }
    // The table's "Better Auth" columns are the plain aggregate here.
    console.log(table(rows).replace("Better Auth p50", "aggregate p50").replace("Better Auth p95", "aggregate p95"));
    console.log(load());
  } finally {
    await d.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
