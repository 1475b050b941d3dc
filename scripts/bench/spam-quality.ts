/**
 * Quality of a spam result against the generator's labels: precision and recall at a threshold,
 * per campaign style, and the false-positive rate on each legitimate look-alike.
 */
import type { SpamResult } from "../../lib/spam/types";

/** Campaigns that arrive as waves (the ≥ 0.95 / ≥ 0.90 targets); the slow drip is reported on its own. */
export const WAVE_CAMPAIGNS = ["spam:disposable", "spam:gmail-farm", "spam:sequential", "spam:link-name", "spam:returning", "spam:big-wave"] as const;
export const DRIP = "spam:drip";
export const LOOKALIKES = [
  "lookalike:office", "lookalike:campus", "lookalike:launch", "lookalike:plustag",
  "lookalike:relay", "lookalike:numeric", "lookalike:native", "lookalike:shared-mailbox", "legit",
] as const;

export interface Quality {
  threshold: number;
  /** flagged wave-style spam / flagged (drip excluded from both sides) */
  wavePrecision: number;
  waveRecall: number;
  /** flagged spam of any style / flagged */
  precision: number;
  recall: Record<string, { n: number; flagged: number }>;
  falsePositives: Record<string, { n: number; flagged: number }>;
}

export interface Label {
  label: string;
  createdAt: number;
}

/** Scores of labelled users signed up at or after `since` (everyone by default). */
export function evaluate(result: SpamResult, labels: Map<string, Label>, threshold: number, since = Number.NEGATIVE_INFINITY): Quality {
  const recall: Quality["recall"] = {};
  const falsePositives: Quality["falsePositives"] = {};
  let flagged = 0;
  let flaggedSpam = 0;
  let flaggedWave = 0;
  let flaggedNotDrip = 0;
  let waveN = 0;
  for (const [id, { label, createdAt }] of labels) {
    if (createdAt < since) continue;
    const acc = result.accounts.get(id);
    const hit = (acc?.score ?? 0) >= threshold;
    const spam = label.startsWith("spam:");
    const wave = (WAVE_CAMPAIGNS as readonly string[]).includes(label);
    const bucket = spam ? recall : falsePositives;
    bucket[label] ??= { n: 0, flagged: 0 };
    const b = bucket[label];
    b.n++;
    if (wave) waveN++;
    if (!hit) continue;
    b.flagged++;
    flagged++;
    if (spam) flaggedSpam++;
    if (wave) flaggedWave++;
    if (label !== DRIP) flaggedNotDrip++;
  }
  return {
    threshold,
    wavePrecision: flaggedNotDrip ? flaggedWave / flaggedNotDrip : 1,
    waveRecall: waveN ? flaggedWave / waveN : Number.NaN,
    precision: flagged ? flaggedSpam / flagged : 1,
    recall,
    falsePositives,
  };
}

const pct = (x: number) => (Number.isNaN(x) ? "—" : `${(x * 100).toFixed(1)}%`);
const rate = (b: { n: number; flagged: number } | undefined) => (b?.n ? `${pct(b.flagged / b.n)} (${b.flagged}/${b.n})` : "—");

/** A markdown table: one column per threshold. */
export function qualityTable(title: string, qs: Quality[]): string {
  const rows: [string, ...string[]][] = [
    ["wave-style precision", ...qs.map((q) => pct(q.wavePrecision))],
    ["wave-style recall", ...qs.map((q) => pct(q.waveRecall))],
    ["precision (any spam)", ...qs.map((q) => pct(q.precision))],
    ...WAVE_CAMPAIGNS.map((c): [string, ...string[]] => [`recall ${c}`, ...qs.map((q) => rate(q.recall[c]))]),
    [`recall ${DRIP} (slow drip)`, ...qs.map((q) => rate(q.recall[DRIP]))],
    ...LOOKALIKES.map((c): [string, ...string[]] => [`false positives ${c}`, ...qs.map((q) => rate(q.falsePositives[c]))]),
  ];
  const header = [title, ...qs.map((q) => `score ≥ ${q.threshold}`)];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [fmt(header), fmt(widths.map((w) => "-".repeat(w))), ...rows.map(fmt)].join("\n");
}
