import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspect } from "../lib/doctor/inspect";
import { REFERENCE_NOW } from "../lib/seed/generate";
import { seedDatabase } from "../lib/seed/insert";
import { userWhere } from "../lib/users/filters";
import { parseUserListParams } from "../lib/users/list-params";
import { caseVariants, prefixTerm } from "../lib/users/prefix-search";
import { listUsers } from "../lib/users/queries";
import { createTestDb, type NamingName, type TestDb } from "./helpers/db";

describe("prefixTerm / caseVariants", () => {
  it("reads `term*` as a lower-case prefix and anything else as no prefix", () => {
    expect(prefixTerm("AnN*")).toBe("ann");
    expect(prefixTerm("ann")).toBeNull();
    expect(prefixTerm("*")).toBeNull();
    expect(prefixTerm("a*b*")).toBeNull();
    expect(prefixTerm(undefined)).toBeNull();
  });

  it("spells out every casing of the first six ASCII letters, and gives up on a leading non-ASCII character", () => {
    expect(caseVariants("a.b")?.sort()).toEqual(["A.B", "A.b", "a.B", "a.b"]);
    expect(caseVariants("abcdefgh")).toHaveLength(64);
    expect(caseVariants("abcdefgh")?.every((v) => v.length === 6)).toBe(true);
    expect(caseVariants("1_2")).toEqual(["1_2"]);
    expect(caseVariants("éa")).toBeNull();
    expect(caseVariants("aé")?.sort()).toEqual(["A", "a"]);
  });
});

// Addresses a case-insensitive prefix must find, or must not, whatever their stored case.
const crafted = ["Ann.Lee@Example.com", "ANNA@x.io", "anne_1@x.io", "aNn%x@x.io", "xann@x.io", "an@x.io", "ann~z@x.io", "bob@x.io", "Zoë@x.io", "zoe@x.io"];
const terms = ["ann*", "AnN*", "ann.*", "an%*", "a*", "an_*", "zo*", "zoë*", "ANNE_1@X.IO*", "nomatch*", "~*"];

describe.each(["default", "snake-plural-renamed"] as NamingName[])("prefix search on real Postgres (%s naming)", (variant) => {
  let t: TestDb;
  let emails: Map<string, string>;
  beforeAll(async () => {
    t = await createTestDb(variant);
    await seedDatabase(t.raw, t.naming, { users: 600, seed: 11, now: REFERENCE_NOW, columns: t.d.caps.columns });
    const table = sql.raw(t.naming.qualified("user"));
    const col = (f: string) => sql.raw(`"${t.naming.column("user", f)}"`);
    for (const [i, email] of crafted.entries()) {
      await sql`insert into ${table} (${col("id")}, ${col("name")}, ${col("email")}, ${col("emailVerified")}, ${col("createdAt")}, ${col("updatedAt")})
        values (${`sdcrafted${i}`}, ${`Crafted ${i}`}, ${email}, false, ${new Date(REFERENCE_NOW.getTime() - i * 60_000)}, now())`.execute(t.raw);
    }
    await t.reopen();
    const { rows } = await sql<{ id: string; email: string }>`select ${col("id")} as id, ${col("email")} as email from ${table}`.execute(t.raw);
    emails = new Map(rows.map((r) => [r.id, r.email]));
  }, 240_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  /** Every page of a search, in order. */
  const search = async (q: string, sort: string) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await listUsers(t.d, parseUserListParams({ q, sort, limit: "7", ...(cursor ? { cursor } : {}) }));
      ids.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
    }
    throw new Error("more than 100 pages");
  };
  /** What a prefix search must return, from the rows themselves (Postgres's lower(), JS's startsWith). */
  const expected = async (q: string) => {
    const prefix = prefixTerm(q) as string;
    const { rows } = await sql<{ id: string; l: string }>`select ${sql.raw(`"${t.naming.column("user", "id")}"`)} as id, lower(${sql.raw(`"${t.naming.column("user", "email")}"`)}) as l from ${sql.raw(t.naming.qualified("user"))}`.execute(t.raw);
    const { rows: low } = await sql<{ p: string }>`select lower(${prefix}) as p`.execute(t.raw);
    return rows.filter((r) => r.l.startsWith(low[0]?.p ?? prefix)).map((r) => r.id).sort();
  };

  const check = async () => {
    for (const q of terms) {
      const want = await expected(q);
      for (const sort of ["-createdAt", "email", "-email", "name"]) {
        const got = await search(q, sort);
        expect([...got].sort(), `${q} sorted by ${sort}`).toEqual(want);
        expect(new Set(got).size).toBe(got.length);
      }
    }
    // the crafted rows are found whatever their case, and a substring that is not a prefix is not
    expect((await search("ann*", "email")).map((id) => emails.get(id)).filter((e) => e?.includes("@x.io") || e?.includes("Example")).sort()).toEqual([
      "ANNA@x.io", "Ann.Lee@Example.com", "aNn%x@x.io", "ann~z@x.io", "anne_1@x.io",
    ].sort());
  };

  it("finds exactly the users whose email starts with the term, case-insensitively, on every sort and page, without the trigram index", async () => {
    expect(t.d.caps.searchIndexed).toBe(false);
    // the test and bench databases are C.UTF-8 (byte order): the range path is taken
    expect(t.d.caps.emailByteOrder).toBe(true);
    await check();
  }, 240_000);

  it("is answered by Better Auth's email index (ranges), not by reading the table", async () => {
    const plan = await t.d.db.connection().execute(async (c) => {
      await sql`set enable_seqscan = off`.execute(c);
      try {
        const rows = await c.selectFrom("user").select("user.id").where(userWhere(t.d, { q: "ann*" }, REFERENCE_NOW)).explain();
        return rows.map((r) => String(Object.values(r)[0])).join("\n");
      } finally {
        await sql`reset enable_seqscan`.execute(c);
      }
    });
    expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(plan).toContain(`${t.naming.table("user")}_${t.naming.column("user", "email")}_key`);
  }, 60_000);

  it("gives the same results with the doctor's indexes", async () => {
    const r = await inspect(t.d, { smallTable: 0 });
    for (const s of r.statements) await sql.raw(s).execute(t.d.authDb);
    await t.reopen();
    expect(t.d.caps.searchIndexed).toBe(true);
    await check();
  }, 240_000);
});
