import type { Numbered } from "./email";

/**
 * Sequentially numbered sign-ups: `promo123@d`, `promo124@d`, `promo125@d`… created in that order.
 * A script counting up leaves numbers that are close together AND increase with sign-up time; people
 * who append their birth year or a lucky number produce close numbers only by chance, in no order.
 */
export interface SequenceInput {
  numbered: Numbered | null;
  domain: string | null;
  time: number;
}

export interface SequenceRun {
  /** `prefix#@domain`: the pattern the run follows */
  key: string;
  /** human form, e.g. "promo123 … promo179@mailxyz.top" */
  label: string;
  members: number[];
}

export const SEQ_MIN = 5;
/** largest step between neighbouring numbers (a script may skip a taken one) */
const SEQ_STEP = 3;
/** share of neighbours (by number) whose sign-up order agrees with the numbers */
const SEQ_ORDER = 0.8;
const SEQ_SPAN = 3 * 86_400_000;

export function findSequences(rows: readonly SequenceInput[]): { runs: SequenceRun[]; of: Int32Array } {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!r.numbered || !r.domain) return;
    const key = `${r.numbered.prefix}#@${r.domain}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const runs: SequenceRun[] = [];
  const of = new Int32Array(rows.length).fill(-1);
  const num = (i: number) => rows[i]?.numbered?.n ?? 0;
  for (const [key, list] of groups) {
    if (list.length < SEQ_MIN) continue;
    const byNumber = [...list].sort((a, b) => num(a) - num(b));
    let run: number[] = [];
    const flush = () => {
      if (isSequence(run, rows)) {
        const id = runs.length;
        const first = rows[run[0] as number];
        const last = rows[run.at(-1) as number];
        const prefix = first?.numbered?.prefix ?? "";
        runs.push({ key, label: `${prefix}${first?.numbered?.n} … ${prefix}${last?.numbered?.n}@${first?.domain}`, members: [...run].sort((a, b) => a - b) });
        for (const m of run) of[m] = id;
      }
      run = [];
    };
    for (const i of byNumber) {
      const prev = run.at(-1);
      if (prev !== undefined && num(i) - num(prev) > SEQ_STEP) flush();
      run.push(i);
    }
    flush();
  }
  return { runs, of };
}

function isSequence(run: number[], rows: readonly SequenceInput[]): boolean {
  if (run.length < SEQ_MIN) return false;
  let agree = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < run.length; k++) {
    const t = rows[run[k] as number]?.time ?? 0;
    min = Math.min(min, t);
    max = Math.max(max, t);
    if (k > 0 && t >= (rows[run[k - 1] as number]?.time ?? 0)) agree++;
  }
  return max - min <= SEQ_SPAN && agree >= SEQ_ORDER * (run.length - 1);
}
