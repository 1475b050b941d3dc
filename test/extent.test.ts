import { describe, expect, it } from "vitest";
import { histogram } from "../components/spam/wave-timeline";
import { extent } from "../lib/extent";

// A wave at 10M users had 390k members: spreading that many values into Math.min overflowed the stack.
const big = Array.from({ length: 500_000 }, (_, i) => 1_700_000_000_000 + ((i * 7919) % 500_000) * 1000);

describe("extent", () => {
  it("finds the smallest and largest of half a million values", () => {
    expect(() => Math.min(...big)).toThrow(RangeError);
    expect(extent(big)).toEqual([1_700_000_000_000, 1_700_000_000_000 + 499_999 * 1000]);
  });

  it("is empty-safe and takes any iterable", () => {
    expect(extent([])).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(extent(new Set([3, -1, 2]))).toEqual([-1, 3]);
  });

  it("lets a wave's timeline bucket half a million sign-ups", () => {
    const { bucket, counts } = histogram(big);
    expect(bucket.unit).toBe("day");
    expect(counts.reduce((a, b) => a + b, 0)).toBe(big.length);
  });
});
