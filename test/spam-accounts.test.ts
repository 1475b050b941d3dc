import { describe, expect, it } from "vitest";
import { SpamAccounts, SpamAccountsBuilder } from "../lib/spam/accounts";
import { outBit, outMask, outReasons } from "../lib/spam/out-of-review";
import type { Reason } from "../lib/spam/types";

/** The columnar result (lib/spam/accounts.ts): the same answers as a Map of objects, in a fraction of the memory. */
const T0 = Date.UTC(2026, 2, 1);
const reason = (code: string, points: number): Reason => ({ code, points, text: `${code} ${points}` });

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("SpamAccounts", () => {
  // ids of several lengths and alphabets (Better Auth's, uuids, numbers, non-ASCII), scores with many ties
  const rnd = random(7);
  const rows: [string, { score: number; reasons: Reason[]; waveKey: string | null; createdAt: Date; out: string[]; clearedAt: Date | null }][] = [];
  for (let i = 0; i < 3000; i++) {
    const id = i % 7 === 0 ? `${i}` : i % 11 === 0 ? `ü-${i}-é` : `u${Math.floor(rnd() * 1e9).toString(36)}${i}`;
    const score = 1 + Math.floor(rnd() * 100);
    rows.push([id, { score, reasons: [reason(score > 50 ? "email.disposable" : "lifecycle.noreturn", score)], waveKey: i % 5 === 0 ? `w${i % 3}` : null, createdAt: new Date(T0 + i * 1000), out: i % 13 === 0 ? ["banned"] : [], clearedAt: i % 17 === 0 ? new Date(T0 + 1e7) : null }]);
  }
  const acc = SpamAccounts.from(rows);
  const expected = new Map(rows);

  it("finds every account by id, and nothing else", () => {
    expect(acc.size).toBe(rows.length);
    for (const [id, a] of rows) expect(acc.get(id)).toEqual(a);
    for (const id of ["", "nope", "u", "1x", "ü-11-"]) expect(acc.get(id)).toBe(undefined);
    expect(new Map(acc)).toEqual(expected);
  });

  it("lists in the queue's order (score desc, id asc) and pages by cursor without gaps or repeats", () => {
    const order = [...rows]
      .filter(([, a]) => a.score >= 20)
      .sort((a, b) => b[1].score - a[1].score || Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])))
      .map(([id]) => id);
    expect([...acc.rowsByScore(20)].map((r) => acc.idAt(r))).toEqual(order);
    const paged: string[] = [];
    let after: { score: number; id: string } | undefined;
    for (;;) {
      const page: string[] = [];
      for (const r of acc.rowsByScore(20, after)) {
        page.push(acc.idAt(r));
        if (page.length === 37) break;
      }
      paged.push(...page);
      if (page.length < 37) break;
      const last = page.at(-1) as string;
      after = { score: acc.get(last)?.score ?? 0, id: last };
    }
    expect(paged).toEqual(order);
  });

  it("holds each reason list once, and a row in well under 100 bytes", () => {
    const big = new SpamAccountsBuilder();
    const shared = [reason("lifecycle.noreturn", 10), reason("client.empty", 20)];
    for (let i = 0; i < 100_000; i++) big.add(`user_${i.toString(36).padStart(27, "0")}`, 30, shared.map((r) => ({ ...r })), null, T0 + i, 0, null);
    const done = big.finish();
    expect(done.get(`user_${(99_999).toString(36).padStart(27, "0")}`)?.reasons).toBe(done.get(`user_${"0".padStart(27, "0")}`)?.reasons);
    expect(done.bytes / done.size).toBeLessThan(70);
  });

  it("changes a row only through its setters", () => {
    const one = SpamAccounts.from([["a", { score: 50, reasons: [], waveKey: null, createdAt: new Date(T0), out: [], clearedAt: null }]]);
    const view = one.get("a");
    if (view) view.out.push("banned");
    expect(one.get("a")?.out).toEqual([]);
    one.setOut(one.rowOf("a"), outBit("banned"), true);
    one.setCleared(one.rowOf("a"), T0 + 5);
    expect(one.get("a")).toMatchObject({ out: ["banned"], clearedAt: new Date(T0 + 5) });
    expect(one.isOpenAt(one.rowOf("a"))).toBe(false);
    one.setCleared(one.rowOf("a"), null);
    one.setOut(one.rowOf("a"), outBit("banned"), false);
    expect([one.get("a")?.out, one.isOpenAt(one.rowOf("a"))]).toEqual([[], true]);
    // a state no module registers has no bit: nothing changes
    one.setOut(one.rowOf("a"), outBit("nope"), true);
    expect(one.isOpenAt(one.rowOf("a"))).toBe(true);
    one.setDeleted(one.rowOf("a"));
    expect([one.get("a"), one.size, [...one.rowsByScore(0)]]).toEqual([undefined, 0, []]);
  });
});

describe("out-of-review bits", () => {
  it("gives each registered state its own bit, below the deleted flag, and reads masks back to ids", () => {
    const bit = outBit("banned");
    expect(bit).toBeGreaterThan(0);
    expect(bit).toBeLessThan(0x80);
    expect([outBit("nope"), outMask(["banned", "nope"]), outReasons(bit), outReasons(0)]).toEqual([0, bit, ["banned"], []]);
  });
});
