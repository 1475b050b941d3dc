/** Timing helpers for the benchmark: warm up, run n times, report percentiles in ms. */
export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export async function time(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

const ms = (v: number) => (Number.isNaN(v) ? "—" : v >= 100 ? v.toFixed(0) : v.toFixed(1));

export function table(rows: { name: string; ours: Timing; baseline: Timing | null; note?: string }[]): string {
  const header = ["scenario", "ours p50", "ours p95", "Better Auth p50", "Better Auth p95", "speed-up (p50)", "note"];
  const lines = rows.map((r) => [
    r.name,
    ms(r.ours.p50),
    ms(r.ours.p95),
    r.baseline ? ms(r.baseline.p50) : "—",
    r.baseline ? ms(r.baseline.p95) : "—",
    r.baseline ? `${(r.baseline.p50 / r.ours.p50).toFixed(1)}×` : "—",
    r.note ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [fmt(header), fmt(widths.map((w) => "-".repeat(w))), ...lines.map(fmt)].join("\n");
}
