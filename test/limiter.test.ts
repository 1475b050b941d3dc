import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { heavy } from "../lib/db/context";
import { Limiter } from "../lib/db/limiter";
import { createTestDb, type TestDb } from "./helpers/db";

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
};

describe("limiter for expensive queries", () => {
  it("runs at most `max` at once and starts the next when one ends", async () => {
    const l = new Limiter(2);
    let active = 0;
    let peak = 0;
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((g) =>
      l.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await g.promise;
        active--;
      }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(active).toBe(2);
    gates[0]?.release();
    await runs[0];
    await new Promise((r) => setTimeout(r, 10));
    expect(active).toBe(2);
    for (const g of gates) g.release();
    await Promise.all(runs);
    expect(peak).toBe(2);
  });

  it("turns a long wait into a 503-style error that names the cause", async () => {
    const l = new Limiter(1, 20);
    const gate = deferred();
    const first = l.run(() => gate.promise);
    await expect(l.run(async () => "late")).rejects.toMatchObject({ code: "timeout", status: 503 });
    gate.release();
    await first;
    await expect(l.run(async () => "free again")).resolves.toBe("free again");
  });
});

// PGlite is one backend: pg_sleep would hold everything, so this needs a real server.
describe.skipIf(inject("embedded"))("a burst of slow queries on a real server", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    await t.d.close();
    const { openDatabase } = await import("../lib/db/open");
    t.d = await openDatabase({ url: t.url, naming: t.naming, poolMax: 4, statementTimeoutMs: 10_000 });
  });
  afterAll(async () => t?.cleanup());

  it("leaves half the pool to cheap queries", async () => {
    const done: string[] = [];
    const slow = Array.from({ length: 6 }, (_, i) =>
      heavy(t.d, () => sql`select pg_sleep(0.4)`.execute(t.d.db)).then(() => done.push(`slow${i}`)),
    );
    await new Promise((r) => setTimeout(r, 50));
    await sql`select 1`.execute(t.d.db).then(() => done.push("cheap"));
    await Promise.all(slow);
    expect(done[0]).toBe("cheap");
    expect(t.d.heavy.max).toBe(2);
  });
});
