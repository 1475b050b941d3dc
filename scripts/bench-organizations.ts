/**
 * npx tsx scripts/bench-organizations.ts --schema S [--runs R]
 * The organizations list over HTTP from the built server (`next start`, signed in) on a schema with
 * Better Auth's organization tables seeded at scale (scripts/bench/copy-schema.ts --organizations;
 * then `npm run doctor -- --apply` on it): the first page, a page half-way down, a common and a rare
 * search. Beside them, from the same run: Better Auth's own organization plugin listing (`GET
 * /organization/list`, served by the app's handler on the same database; it lists only the
 * signed-in user's organizations, Better Auth has no list of all) and the users list's first page.
 * S must be writable (signing in writes a session; the admin is made a member of 5 organizations).
 */
import { parseArgs } from "node:util";
import { betterAuth } from "better-auth";
import { Kysely, PostgresDialect, sql } from "kysely";
import { encodeCursor } from "../lib/db/cursor";
import { appAuthOptions } from "../lib/db/migrate";
import { createNaming } from "../lib/db/naming";
import { createPool } from "../lib/db/open";
import { DEMO_PASSWORD, STAFF } from "../lib/seed/staff";
import { load, signedInDashboard } from "./bench/http";
import { getter, signInCookie, startBetterAuthApp } from "./bench/servers";
import { table, time } from "./bench/stats";

const { values } = parseArgs({ options: { schema: { type: "string" }, runs: { type: "string", default: "30" } }, strict: true });

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const schema = values.schema;
  if (!url || !schema) throw new Error("usage: --schema S, with BENCH_DATABASE_URL or DATABASE_URL");
  if (schema.startsWith("bench_")) throw new Error(`this benchmark writes (a session, 5 memberships): run it on a copy of ${schema} (scripts/bench/copy-schema.ts)`);
  const runs = Number(values.runs);
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPool(url, 2, 0) }) });
  const naming = createNaming({ schema, casing: "camel", usePlural: false, models: {} });
  const db = raw.withSchema(schema);
  const stops: (() => unknown)[] = [];
  try {
    const count = (t: string) => sql<{ n: string }>`select count(*) as n from ${sql.id(schema, t)}`.execute(raw).then((r) => Number(r.rows[0]?.n));
    const [orgs, members, users] = [await count("organization"), await count("member"), await count("user")];
    if (!orgs) throw new Error(`${schema} has no organizations: scripts/bench/copy-schema.ts --organizations N`);
    // The baseline's user must belong to some organizations for Better Auth's list to list any.
    const admin = await db.selectFrom("user").select("id").where("email", "=", STAFF[0].email).executeTakeFirstOrThrow();
    await db.deleteFrom("member").where("id", "like", "bench_admin_m%").execute();
    const some = await db.selectFrom("organization").select("id").orderBy("id").limit(5).execute();
    await db.insertInto("member").values(some.map((o, i) => ({ id: `bench_admin_m${i}`, organizationId: o.id, userId: admin.id, role: "owner", createdAt: new Date() }))).execute();

    const deep = await db
      .selectFrom("organization")
      .select(["id", "slug", sql<string>`cast("createdAt" as text)`.as("v")])
      .orderBy("createdAt", "desc")
      .orderBy("id", "desc")
      .offset(Math.floor(orgs / 2))
      .limit(1)
      .executeTakeFirstOrThrow();
    const deepCursor = encodeCursor({ sort: "-createdAt", value: deep.v, id: deep.id });

    const dash = await signedInDashboard(url, schema);
    stops.push(dash.stop);
    const auth = betterAuth({ ...appAuthOptions(raw, naming, ["admin", "organization"], { rateLimit: { enabled: false } }) });
    const app = await startBetterAuthApp(auth);
    stops.push(app.stop);
    const appCookie = await signInCookie(app.base, "/api/auth/sign-in/email", STAFF[0].email, DEMO_PASSWORD, "http://localhost:3000");
    const ours = getter(dash.base, dash.cookie);
    const theirs = getter(app.base, appCookie);
    const listed = (await theirs("/api/auth/organization/list")) as unknown[];
    if (listed.length !== some.length) throw new Error(`Better Auth listed ${listed.length} organizations, expected ${some.length}`);
    const page = (await ours(`/api/v1/organizations?limit=25&q=${encodeURIComponent(deep.slug)}`)) as { data: { id: string }[] };
    if (!page.data.some((r) => r.id === deep.id)) throw new Error(`the search for ${deep.slug} did not find it`);

    console.log(
      `Organizations over HTTP (next start, schema ${schema}): ${orgs.toLocaleString("en")} organizations, ${members.toLocaleString("en")} memberships, ` +
        `${users.toLocaleString("en")} users; ${runs} runs each; ${load()}`,
    );
    const rows = [
      { name: "organizations, first page (25)", ours: await time(() => ours("/api/v1/organizations?limit=25"), runs), baseline: await time(() => theirs("/api/auth/organization/list"), runs), note: "baseline: Better Auth's organization/list (the signed-in user's 5)" },
      { name: `organizations, page ${Math.floor(orgs / 2).toLocaleString("en")} rows deep`, ours: await time(() => ours(`/api/v1/organizations?limit=25&cursor=${encodeURIComponent(deepCursor)}`), runs), baseline: null },
      { name: 'organizations, search "harbor" (common)', ours: await time(() => ours("/api/v1/organizations?limit=25&q=harbor"), runs), baseline: null },
      { name: `organizations, search "${deep.slug}" (1 match)`, ours: await time(() => ours(`/api/v1/organizations?limit=25&q=${encodeURIComponent(deep.slug)}`), runs), baseline: null },
      { name: "organization page (members, owners, invitations)", ours: await time(() => ours(`/api/v1/organizations/${encodeURIComponent(deep.id)}`), runs), baseline: null },
      { name: "scale: users list, first page (25)", ours: await time(() => ours("/api/v1/users?limit=25"), runs), baseline: null, note: "same server, same run" },
    ];
    console.log(table(rows));
    console.log(load());
  } finally {
    for (const stop of stops) await stop();
    await raw.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
