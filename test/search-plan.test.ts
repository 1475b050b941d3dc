import { describe, expect, it } from "vitest";
import { chooseSearchStep, type SampleView, type SearchTuning } from "../lib/users/search-plan";
import { buildSample, hitRanks, type SearchSample, sampleHits, sampleRowAt } from "../lib/users/search-sample";

/** The planner's choices from a sample (pure), and the sample's hit ranks in each order. */
const t: SearchTuning = {
  headHits: 16, walkSafety: 3, walkRisk: 1, clusterGap: 5, probeRows: 256, maxWalkRows: 60_000,
  walkRowMs: 0.001, randomRowMs: 0.002, matchMs: 0.0015, trigramMs: 2, activityWalk: 1_000,
};
const SAMPLED = 10_000;
/** hits sampled evenly every `every` rows from rank `from` (the first headHits of them as the head) */
const view = (hits: number, tableRows: number, every = Math.floor(SAMPLED / Math.max(hits, 1)), from = 0, cursor = false): SampleView => ({
  hits, sampled: SAMPLED, tableRows, cursor, head: Array.from({ length: Math.min(hits, 16) }, (_, i) => from + i * every),
});
const plan = (v: SampleView | null, trigram = true, tuning = t, signUpOrder = true) => chooseSearchStep({ sample: v, want: 26, trigram, signUpOrder }, tuning);

describe("chooseSearchStep (the cost model over the sample)", () => {
  it("walks a common spread term, sized from the head hits with the safety factor", () => {
    // 5% of users, evenly: 16 hits in the first 301 sampled rows → 3 × 26 × 301 / 16 rows
    const c = plan(view(500, 1_000_000, 20));
    expect(c).toMatchObject({ step: "walk", rows: Math.ceil((3 * 26 * 301) / 16), clustered: false, matches: 50_000 });
  });

  it("asks the trigram index for a rare term: matches ≈ hits × scale", () => {
    expect(plan(view(1, 1_000_000))).toMatchObject({ step: "trigram", matches: 100 });
    expect(plan(view(30, 1_000_000))).toMatchObject({ step: "trigram", matches: 3_000 });
  });

  it("the crossover moves with the table: the same density walks at 10M and fetches at 100k", () => {
    // 0.5% evenly: a walk of ~4,900 rows (4.9 ms) against 50k matches at 10M (77 ms), 500 at 100k (2.8 ms)
    expect(plan(view(50, 10_000_000, 200)).step).toBe("walk");
    expect(plan(view(50, 100_000, 200)).step).toBe("trigram");
  });

  it("prices a walk at the rows it expects to read, not at its cap (the walk stops at the page's last match)", () => {
    // 1% evenly at 1M: 26 ÷ 1% = ~2,400 rows expected, capped at 3× that
    const c = plan(view(100, 1_000_000, 100));
    expect(c.step).toBe("walk");
    if (c.step === "walk") {
      expect(c.cost).toBeCloseTo(t.walkRowMs * (26 * 1501) / 16, 6);
      expect(c.rows).toBe(Math.ceil((3 * 26 * 1501) / 16));
    }
  });

  it("walks only when the walk wins by the walkRisk margin", () => {
    // 0.5% evenly at 1M: expected walk 4.9 ms, trigram 2 + 7.5 = 9.5 ms: a walk at margin 1, not at 2
    expect(plan(view(50, 1_000_000, 200)).step).toBe("walk");
    expect(plan(view(50, 1_000_000, 200), true, { ...t, walkRisk: 2 }).step).toBe("trigram");
  });

  it("a sparse head (the first sampled hit late, though not a cluster) lengthens the walk to want × its rank", () => {
    // 125 hits of 10,000 (1.25%), the first at rank 388 (e^-4.85, inside the cluster rule: not clustered),
    // the 16th at 1,364: the head's density says 2,218 rows, the first hit 26 × 389 = 10,114
    const head = [388, 391, 443, 523, 524, 525, 534, 543, 703, 1032, 1071, 1085, 1242, 1269, 1341, 1364];
    const c = plan({ hits: 125, sampled: SAMPLED, tableRows: 1_000_000, cursor: false, head }, true, t, false);
    expect(c).toMatchObject({ step: "walk", clustered: false, rows: 3 * 26 * 389 });
    if (c.step === "walk") expect(c.cost).toBeCloseTo(t.randomRowMs * 26 * 389, 6);
    // evenly spread hits: the first hit's rank says what the head's density says
    const even = plan(view(100, 1_000_000, 100));
    if (even.step === "walk") expect(even.cost).toBeCloseTo(t.walkRowMs * Math.max((26 * 1501) / 16, 26), 6);
  });

  it("a wave read against the order (a gap before the first hit) is not walked; read with it, it is", () => {
    // 200 hits in the last 400 sampled rows: oldest first they start at rank 9,600
    const against = plan(view(200, 1_000_000, 2, 9_600));
    expect(against).toMatchObject({ step: "trigram", clustered: true });
    if (against.step === "trigram") expect(against.walkCost).toBeGreaterThan(t.walkRowMs * 9_600 * 100);
    // newest first the same hits are the head: dense, a short walk
    expect(plan(view(200, 1_000_000, 2, 0))).toMatchObject({ step: "walk", clustered: false, rows: Math.ceil((3 * 26 * 31) / 16) });
  });

  it("a gap that chance explains is no cluster (the e^-5 rule)", () => {
    // 1% of the sample: no hit in the first 400 rows has probability e^-4, in the first 600 e^-6
    expect(plan(view(100, 10_000_000, 100, 400))).toMatchObject({ clustered: false });
    expect(plan(view(100, 10_000_000, 100, 600))).toMatchObject({ clustered: true });
  });

  it("no sampled hit in sign-up order: a short capped walk, then the trigram step; none without a probe", () => {
    expect(plan(view(0, 1_000_000))).toEqual({ step: "walk+trigram", rows: 256 });
    expect(plan(view(0, 1_000_000), true, { ...t, probeRows: 0 }).step).toBe("trigram");
    expect(plan(null)).toEqual({ step: "walk+trigram", rows: 256 });
  });

  it("no sampled hit in name or email order (a block sample sees those orders' rows at random): the trigram step", () => {
    expect(plan(view(0, 1_000_000), true, t, false).step).toBe("trigram");
    // no sample at all: a probe in any order
    expect(plan(null, true, t, false)).toEqual({ step: "walk+trigram", rows: 256 });
  });

  it("a sample that is the whole table and saw no hit goes straight to the trigram step", () => {
    expect(plan(view(0, SAMPLED)).step).toBe("trigram");
  });

  it("never walks past maxWalkRows, past the table, or for fewer matches than a page", () => {
    expect(plan(view(100, 1e9), true, { ...t, maxWalkRows: 1_000 }).step).toBe("trigram");
    expect(plan(view(500, 1e9, 20)).step).toBe("walk");
    // the sample is the table: 20 hits cannot fill a page of 25
    expect(plan(view(20, SAMPLED, 500), true, { ...t, matchMs: 1 }).step).toBe("trigram");
  });

  it("a walk in name or email order costs more per row (a heap page at random) than in sign-up order", () => {
    // 0.5% evenly at 1M: ~4,900 rows expected, 4.9 ms in sign-up order, 15 ms at 3 µs a row in name order; 5,000 matches: 9.5 ms
    const sign = plan(view(50, 1_000_000, 200), true, t, true);
    const named = plan(view(50, 1_000_000, 200), true, { ...t, randomRowMs: 0.003 }, false);
    expect(sign.step).toBe("walk");
    expect(named.step).toBe("trigram");
  });

  it("a later page plans with the overall density (the head ranks describe page 1)", () => {
    // 200 hits at the very end, oldest first: page 1 sees the gap; past a cursor, the overall 2%
    const c = plan(view(200, 1_000_000, 2, 9_600, true));
    expect(c).toMatchObject({ step: "walk", clustered: false, rows: Math.ceil((3 * 26) / 0.02) });
  });

  it("terms without trigrams walk while the walk stays capped, else scan", () => {
    expect(plan(view(500, 1_000_000, 20), false).step).toBe("walk");
    expect(plan(view(2, 1_000_000), false)).toEqual({ step: "scan" });
    expect(plan(view(0, 1_000_000), false)).toEqual({ step: "walk+trigram", rows: 256 });
    expect(plan(view(0, 1_000_000), false, { ...t, probeRows: 0 })).toEqual({ step: "scan" });
  });
});

describe("the search sample's hits and ranks", () => {
  // five rows; ascending orders as row indexes
  const s: SearchSample = buildSample({
    tableRows: 500,
    texts: ["ann@x.test\u0000ann lee", "bob@x.test\u0000bob ray", "cat@y.test\u0000cat ann", "dan@y.test\u0000dan roe", "eve@x.test\u0000eve lee"],
    ids: ["u1", "u2", "u3", "u4", "u5"],
    orders: { createdAt: Int32Array.from([0, 1, 2, 3, 4]), name: Int32Array.from([4, 3, 2, 1, 0]), email: Int32Array.from([0, 1, 2, 3, 4]) },
    at: 0,
  });

  it("matches a lowercase substring of any field, or the id exactly, never across fields", () => {
    expect([...sampleHits(s, "ANN")]).toEqual([1, 0, 1, 0, 0]);
    expect([...sampleHits(s, "u4")]).toEqual([0, 0, 0, 1, 0]);
    expect([...sampleHits(s, "u")]).toEqual([0, 0, 0, 0, 0]);
    expect([...sampleHits(s, "testann")]).toEqual([0, 0, 0, 0, 0]);
    // a term twice in one row, and in the last row
    expect([...sampleHits(s, "e")]).toEqual([1, 1, 1, 1, 1]);
    expect([...sampleHits(s, "eve lee")]).toEqual([0, 0, 0, 0, 1]);
  });

  it("ranks the hits in the requested order, a descending one from the end", () => {
    const lee = sampleHits(s, "lee");
    expect(hitRanks(s, lee, "createdAt", false, 16)).toEqual({ hits: 2, head: [0, 4] });
    expect(hitRanks(s, lee, "name", false, 16)).toEqual({ hits: 2, head: [0, 4] });
    expect(hitRanks(s, sampleHits(s, "@y."), "createdAt", true, 16)).toEqual({ hits: 2, head: [1, 2] });
    expect(hitRanks(s, sampleHits(s, "@x."), "createdAt", false, 2)).toEqual({ hits: 3, head: [0, 1] });
  });

  it("finds the walk's cap as the sampled row about that many table rows into the order", () => {
    // 5 sampled of 500 rows: a sample row stands for 100; 150 rows in is the 2nd sample row (rounded up)
    expect(sampleRowAt(s, "createdAt", false, 150)).toBe("u3");
    expect(sampleRowAt(s, "createdAt", true, 150)).toBe("u3");
    expect(sampleRowAt(s, "createdAt", true, 1)).toBe("u4");
    expect(sampleRowAt(s, "name", false, 0)).toBe("u5");
    expect(sampleRowAt(s, "name", true, 400)).toBe("u5");
    // past the sample's end: no row to stop at (the walk counts through the index instead)
    expect(sampleRowAt(s, "email", false, 500)).toBeNull();
  });
});
