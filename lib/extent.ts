/**
 * Smallest and largest of `values` ([Infinity, -Infinity] when empty), in a loop: `Math.min(...values)`
 * passes every value as an argument and overflows the stack past ~120k of them (a 390k-member wave
 * at 10M users did).
 */
export function extent(values: Iterable<number>): [min: number, max: number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
