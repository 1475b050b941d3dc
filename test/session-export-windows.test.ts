import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../lib/db/open";
import { createIndexSql, recommendedIndexes } from "../lib/doctor/indexes";
import type { CsvValue } from "../lib/export/csv";
import { sessionExportRows } from "../lib/sessions/export";
import { listSessions } from "../lib/sessions/list";
import { parseSessionExportParams } from "../lib/sessions/search-params";
import { createTestDb, type NamingName, type TestDb } from "./helpers/db";

const DAY = 86_400_000;

async function collect(pages: AsyncGenerator<CsvValue[][]>): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of pages) for (const row of page) ids.push(String(row[0]));
  return ids;
}

/** The live sessions as the list pages them (one query per page, unbounded), ids in order. */
async function listed(d: Database, query: Record<string, string>, now: Date, pageSize = 50): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSessions(d, { ...parseSessionExportParams(query, pageSize), ...(cursor ? { cursor } : {}) }, now);
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/**
 * The sessions export walks windows of creation time (lib/sessions/export.ts): the same rows in the
 * same order as the list's pages, with live sessions scattered among many expired ones, windows
 * edges falling on equal timestamps, and the list's own date filters.
 */
describe.each(["default", "snake-plural-renamed"] as NamingName[])("sessions export in windows (%s naming)", (variant) => {
  let t: TestDb;
  const now = new Date();
  beforeAll(async () => {
    t = await createTestDb(variant);
    const s = t.naming;
    const spec = recommendedIndexes(s, t.d.caps).find((i) => i.id === "session_created");
    if (!spec) throw new Error("no session_created index spec");
    await sql.raw(createIndexSql(s, spec)).execute(t.raw);
    const users = sql.raw(s.qualified("user"));
    const sessions = sql.raw(s.qualified("session"));
    const c = (model: "user" | "session", f: string) => sql.id(s.column(model, f));
    await sql`insert into ${users} (${c("user", "id")}, ${c("user", "name")}, ${c("user", "email")}, ${c("user", "emailVerified")}, ${c("user", "createdAt")}, ${c("user", "updatedAt")})
      values ('u1', 'One', 'one@example.com', true, now(), now()), ('u2', 'Two', 'two@example.com', true, now(), now())`.execute(t.raw);
    // 3,000 sessions over 300 days, ten per creation time (window edges land inside ties); one in
    // seven live, the rest expired; a block of 1,000 expired ones with no live session among them.
    await sql`insert into ${sessions} (${c("session", "id")}, ${c("session", "token")}, ${c("session", "userId")}, ${c("session", "createdAt")}, ${c("session", "updatedAt")}, ${c("session", "expiresAt")})
      select 's' || lpad(i::text, 5, '0'), 'tok' || i, case when i % 2 = 0 then 'u1' else 'u2' end,
        ${now}::timestamptz - (i / 10) * interval '1 day' / 10, ${now}::timestamptz - (i / 10) * interval '1 day' / 10,
        case when i % 7 = 0 and not (i between 1000 and 2000) then ${now}::timestamptz + interval '1 day' else ${now}::timestamptz - interval '1 day' end
      from generate_series(1, 3000) i`.execute(t.raw);
  });
  afterAll(async () => t?.cleanup());

  it.each([
    ["every live session", {}],
    ["one user", { user: "u1" }],
    ["a creation-date range", { createdAfter: new Date(now.getTime() - 250 * DAY / 10).toISOString().slice(0, 10), createdBefore: new Date(now.getTime() - 50 * DAY / 10).toISOString().slice(0, 10) }],
  ] as [string, Record<string, string>][])("gives the list's rows in its order: %s", async (_, query) => {
    const expected = await listed(t.d, query, now);
    expect(expected.length).toBeGreaterThan(0);
    for (const window of [7, 100, 2_999, 3_000, 50_000]) {
      expect(await collect(sessionExportRows(t.d, parseSessionExportParams(query, 40), now, window))).toEqual(expected);
    }
  });
});

/**
 * Past the last live session, the unwindowed walk is one query over every expired session behind it;
 * under a small statement timeout it fails, while the windowed export completes. Real Postgres only:
 * the embedded engine (PGlite, single-threaded WASM) has no timer to cancel a statement with.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("sessions export under a tiny statement timeout", () => {
  let t: TestDb;
  let tight: Database;
  const now = new Date();
  beforeAll(async () => {
    t = await createTestDb("default");
    const spec = recommendedIndexes(t.naming, t.d.caps).find((i) => i.id === "session_created");
    if (!spec) throw new Error("no session_created index spec");
    await sql.raw(createIndexSql(t.naming, spec)).execute(t.raw);
    const schema = sql.id(t.schema);
    await sql`insert into ${schema}."user" (id, name, email, "emailVerified", "createdAt", "updatedAt") values ('u1', 'One', 'one@example.com', true, now(), now())`.execute(t.raw);
    // 100 live sessions, then 3,000,000 expired ones created before them: enough that reading them
    // all takes well over the 100 ms timeout on an idle machine too (600,000 did not, once: ~60 ms).
    await sql`insert into ${schema}.session (id, token, "userId", "createdAt", "updatedAt", "expiresAt")
      select 's' || lpad(i::text, 7, '0'), 'tok' || i, 'u1', ${now}::timestamptz - i * interval '1 second', ${now}::timestamptz - i * interval '1 second',
        case when i <= 100 then ${now}::timestamptz + interval '1 day' else ${now}::timestamptz - interval '1 day' end
      from generate_series(1, 3000000) i`.execute(t.raw);
    await sql`vacuum analyze ${schema}.session`.execute(t.raw);
    // Opened under the usual timeout (introspection reads information_schema), then tightened: one
    // pooled connection, so every later query runs under 100 ms.
    tight = await openDatabase({ url: t.url, naming: t.naming, poolMax: 1, statementTimeoutMs: 20_000 });
    await sql`set statement_timeout = 100`.execute(tight.db);
    // one process per query, as under load: parallel workers would only divide the unbounded scan's time
    await sql`set max_parallel_workers_per_gather = 0`.execute(tight.db);
  }, 300_000);
  afterAll(async () => {
    await tight?.close();
    await t?.cleanup();
  });

  // One retry: the windowed export runs ~1,200 statements under a 100 ms limit while other test
  // files share the 2 cores, and a single scheduling or checkpoint stall once cancelled one of them
  // (CI, 2026-12-03). An unbounded query among them would time out on both tries.
  it("completes in windows where one unbounded query times out", { retry: 1, timeout: 120_000 }, async () => {
    const params = parseSessionExportParams({}, 1_000);
    // The list's pages one after the other (the export before windows): the last page's query reads
    // the 3M expired sessions behind the live ones, and is cancelled.
    await expect(listed(tight, {}, now, 1_000)).rejects.toMatchObject({ code: "57014" });
    const ids = await collect(sessionExportRows(tight, params, now, 5_000));
    expect(ids).toHaveLength(100);
    expect(ids[0]).toBe("s0000001");
    expect(ids.at(-1)).toBe("s0000100");
  });
});
