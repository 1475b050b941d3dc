import { describe, expect, it } from "vitest";
import { cutSlices, MARGIN_MS, SLICE_DAYS, SLICE_USERS, type Slice } from "../lib/spam/slices";

const DAY = 86_400_000;
const START = 20_000; // days since the epoch (2024-10-04)
const perDay = (days: number, n: (d: number) => number) => Array.from({ length: days }, (_, d) => ({ day: START + d, n: n(d) }));

/** Rows a pass works through: each slice's sign-ups with its ±margin of neighbours (what the engine reads, indexes and groups). */
function worked(days: { day: number; n: number }[], slices: Slice[]) {
  const within = (a: number, b: number) => days.filter((r) => r.day * DAY >= a && r.day * DAY < b).reduce((s, r) => s + r.n, 0);
  return slices.reduce((s, x) => s + within((x.from ?? Number.NEGATIVE_INFINITY) - MARGIN_MS, (x.to ?? Number.POSITIVE_INFINITY) + MARGIN_MS), 0);
}

/** The slices cover the window without gap or overlap, in order. */
function expectContiguous(slices: Slice[], since: number | null) {
  expect(slices[0]?.from).toBe(since);
  expect(slices.at(-1)?.to).toBeNull();
  for (let i = 1; i < slices.length; i++) expect(slices[i]?.from).toBe(slices[i - 1]?.to);
}

describe("time slices of a spam pass", () => {
  it("on a quiet app cuts by sign-ups: each slice holds at most SLICE_USERS (and spans more than a margin anyway)", () => {
    const days = perDay(400, () => 300);
    const slices = cutSlices(days, null);
    expectContiguous(slices, null);
    expect(slices.length).toBe(Math.ceil((400 * 300) / Math.floor(SLICE_USERS / 300) / 300));
    for (const s of slices.slice(1, -1)) expect(((s.to as number) - (s.from as number)) / DAY).toBe(Math.floor(SLICE_USERS / 300));
  });

  it("on a busy app spans at least the margin's days, so the work stays within 3x the sign-ups scored", () => {
    // 40k sign-ups a day (a 10M-user app's last months): 25k sign-ups would be a slice per day, each
    // judged with 14 days of neighbours
    const days = perDay(120, () => 40_000);
    const total = 120 * 40_000;
    const old = cutSlices(days, null, { days: 0 });
    expect(old.length).toBe(120);
    expect(worked(days, old) / total).toBeGreaterThan(14);
    const slices = cutSlices(days, null);
    expectContiguous(slices, null);
    for (const s of slices.slice(1, -1)) expect(((s.to as number) - (s.from as number)) / DAY).toBe(SLICE_DAYS);
    expect(worked(days, slices) / total).toBeLessThanOrEqual(3);
  });

  it("keeps one very busy day whole and starts the window at `since`", () => {
    const since = (START + 10) * DAY + 3_600_000;
    const days = perDay(60, (d) => (d === 30 ? 200_000 : 2_000)).filter((r) => (r.day + 1) * DAY > since);
    const slices = cutSlices(days, since);
    expectContiguous(slices, since);
    // no cut inside a day: every cut is a UTC midnight
    for (const s of slices.slice(1)) expect((s.from as number) % DAY).toBe(0);
    // the wave's day is inside one slice
    const wave = (START + 30) * DAY;
    expect(slices.filter((s) => (s.from ?? Number.NEGATIVE_INFINITY) <= wave && wave < (s.to ?? Number.POSITIVE_INFINITY))).toHaveLength(1);
  });

  it("an empty window is one open slice", () => {
    expect(cutSlices([], 5 * DAY)).toEqual([{ from: 5 * DAY, to: null }]);
  });
});
