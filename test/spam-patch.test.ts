import { describe, expect, it } from "vitest";
import { runCommitHooks } from "../lib/commit-hooks";
import { clearSpamCache, getSpamResult, patchOf, patchSpamCache, peekSpamResult } from "../lib/spam/cache";
import { SpamAccounts } from "../lib/spam/accounts";
import { applySpamPatch } from "../lib/spam/patch";
import { listSpamAccounts, openWaveMembers } from "../lib/spam/queries";
import type { SpamAccount, SpamResult, Wave } from "../lib/spam/types";

/** Patching a cached result as moderators decide: pure, on a hand-made result (no database). */
const T0 = new Date("2026-03-01T00:00:00Z");
function result(): SpamResult {
  const acc = (score: number, waveKey: string | null): SpamAccount => ({ score, reasons: [{ code: "x", points: score, text: "x" }], waveKey, createdAt: T0, out: [], clearedAt: null });
  const wave: Wave = { key: "domain-day:x.top@2026-03-01", kind: "domain-day", label: "@x.top", size: 3, left: 3, firstAt: T0, lastAt: T0, avgScore: 80, topReasons: [], sampleUserIds: ["a", "b", "c"] };
  return {
    computedAt: T0, window: { since: null }, thresholds: { review: 40, likely: 70 }, signals: [],
    accounts: SpamAccounts.from([["a", acc(90, wave.key)], ["b", acc(80, wave.key)], ["c", acc(70, wave.key)], ["d", acc(60, null)]]),
    waves: [wave],
    stats: { scored: 4, loaded: 4, flagged: 4, likely: 3, ms: { query: 0, score: 0, total: 0 } },
  };
}
const BANNED = { reason: "banned", out: true };
const q = { naming: { options: { schema: "public", models: {} } }, caps: { audit: false, modules: new Set() } } as never;

describe("patching the cached spam result", () => {
  it("takes banned and cleared accounts out of their wave and the queue, idempotently, and back on undo", async () => {
    const r = result();
    expect(applySpamPatch(r, { userIds: ["a", "b"], out: BANNED })).toBe(2);
    expect(applySpamPatch(r, { userIds: ["a", "b"], out: BANNED })).toBe(0);
    expect(r.accounts.get("a")?.out).toEqual(["banned"]);
    expect([r.waves[0]?.left, openWaveMembers(r, "domain-day:x.top@2026-03-01")]).toEqual([1, ["c"]]);
    const at = new Date(T0.getTime() + 60_000);
    applySpamPatch(r, { userIds: ["c", "missing"], cleared: at });
    expect(r.waves[0]?.left).toBe(0);
    expect((await listSpamAccounts(q, r, { limit: 10 })).data.map((a) => a.userId)).toEqual(["d"]);
    applySpamPatch(r, { userIds: ["c"], cleared: null });
    applySpamPatch(r, { userIds: ["a"], out: { reason: "banned", out: false } });
    expect(r.waves[0]?.left).toBe(2);
    expect((await listSpamAccounts(q, r, { limit: 10 })).data.map((a) => a.userId)).toEqual(["a", "c", "d"]);
    // a clearance from before the sign-up is not one (the account is a new one)
    applySpamPatch(r, { userIds: ["d"], cleared: new Date(T0.getTime() - 1) });
    expect(r.accounts.get("d")?.clearedAt).toBe(null);
  });

  it("drops a deleted user from the queue, its wave and every score at once", async () => {
    const r = result();
    expect(applySpamPatch(r, { userIds: ["b"], deleted: true })).toBe(1);
    expect(applySpamPatch(r, { userIds: ["b"], deleted: true })).toBe(0);
    expect([r.accounts.get("b"), r.accounts.has("b"), r.accounts.size, r.waves[0]?.left, r.waves[0]?.sampleUserIds]).toEqual([undefined, false, 3, 2, ["a", "c"]]);
    expect(openWaveMembers(r, "domain-day:x.top@2026-03-01")).toEqual(["a", "c"]);
    expect((await listSpamAccounts(q, r, { limit: 10 })).data.map((a) => a.userId)).toEqual(["a", "c", "d"]);
    expect([...r.accounts.keys()]).toEqual(["a", "c", "d"]);
  });

  it("maps audited actions to decisions, and leaves others alone", () => {
    const rec = (action: string) => ({ action, targetIds: ["a"], at: T0 });
    // the admin module's decisions (lib/modules/admin/review.ts), through the registry
    expect(patchOf(rec("user.ban"))).toEqual({ userIds: ["a"], out: BANNED });
    expect(patchOf(rec("users.bulk.ban"))).toEqual({ userIds: ["a"], out: BANNED });
    expect(patchOf(rec("user.unban"))).toEqual({ userIds: ["a"], out: { reason: "banned", out: false } });
    expect(patchOf(rec("users.bulk.unban"))).toEqual({ userIds: ["a"], out: { reason: "banned", out: false } });
    expect(patchOf(rec("spam.clear"))).toEqual({ userIds: ["a"], cleared: T0 });
    expect(patchOf(rec("spam.unclear"))).toEqual({ userIds: ["a"], cleared: null });
    expect(patchOf(rec("user.delete"))).toEqual({ userIds: ["a"], deleted: true });
    expect(patchOf(rec("users.bulk.revokeSessions"))).toBe(null);
    expect(patchOf(rec("user.setRole"))).toBe(null);
  });

  it("is told by the action runner's commit hook (loading the cache registers it)", () => {
    clearSpamCache();
    expect(peekSpamResult(q)).toBe(null);
    // with nothing cached the hook has nothing to patch, and must not throw
    expect(() => runCommitHooks({ action: "user.ban", targetIds: ["a"], at: T0 })).not.toThrow();
    expect((globalThis as { __commitHooks?: Map<string, unknown> }).__commitHooks?.has("spam-cache")).toBe(true);
  });

  it("patches cached results at once, and replays a decision onto a computation that was running when it committed", async () => {
    clearSpamCache();
    const cached = await getSpamResult(q, {}, async () => result());
    patchSpamCache({ userIds: ["a"], out: BANNED });
    expect(cached.result.accounts.get("a")?.out).toEqual(["banned"]);
    expect(peekSpamResult(q)?.result.waves[0]?.left).toBe(2);

    await new Promise((r) => setTimeout(r, 5));
    // A recomputation whose read happened before the clearance below…
    let finish: (r: SpamResult) => void = () => {};
    const running = getSpamResult(q, { refresh: true }, () => new Promise<SpamResult>((resolve) => (finish = resolve)));
    await Promise.resolve();
    patchSpamCache({ userIds: ["b"], cleared: new Date(T0.getTime() + 1) });
    finish(result());
    const fresh = (await running).result;
    expect(fresh).not.toBe(cached.result);
    // …gets the decisions made since it started (b), not older ones it read itself (a: this fake
    // computation says "not banned", so a replay of a would show).
    expect([fresh.accounts.get("a")?.out, fresh.accounts.get("b")?.clearedAt]).toEqual([[], new Date(T0.getTime() + 1)]);
    expect(fresh.waves[0]?.left).toBe(2);
    clearSpamCache();
  });
});
