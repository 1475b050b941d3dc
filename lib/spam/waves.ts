import type { Features } from "./features";
import type { GroupKind, Outcomes } from "./outcome";
import { short } from "./reasons";
import type { SequenceRun } from "./signals/sequence";
import type { Reason, Wave, WaveKind } from "./types";
import { extent } from "../extent";

/**
 * Flagged accounts grouped under their strongest shared key, so a moderator reviews (and bans) a wave
 * at once: one mailbox or one numbering pattern first (nothing is more specific), else whichever of
 * domain×day and subnet×week holds more flagged accounts, and UA×day only when neither applies (one
 * old browser build is shared by unrelated kits). A key needs WAVE_MIN flagged members to form a wave.
 */
export const WAVE_MIN = 3;
const ORDER: [GroupKind, WaveKind][] = [["mailbox", "mailbox"], ["sequence", "sequence"], ["domain", "domain-day"], ["subnet", "subnet-week"], ["ua", "ua-day"]];
const SAMPLE = 20;

export interface Scored {
  id: string;
  score: number;
  reasons: Reason[];
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** FNV-1a, hex: a short stable id for a long user agent in a wave key */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * A wave's key says what the wave is, never where it sits in a result: its kind, what its members
 * share (the mailbox, numbering, domain or network; a long user agent as its hash) and the UTC day
 * its group's first sign-up fell on. The group counts every sign-up with that key in the run, those
 * out of review and cleared ones too, so the key survives a recomputation, decisions on members, and
 * the scored window sliding on (until the group's first sign-up leaves the loaded window). A link
 * pasted into a ticket keeps pointing at the same wave.
 */
export function waveKeyOf(kind: WaveKind, groupKey: string, firstAt: number): string {
  return `${kind}:${kind === "ua-day" ? hash(groupKey) : groupKey}@${day(firstAt)}`;
}

/** `flagged`: indices of accounts to group; `scored[i]` their scores. Returns waves and each index's wave key. */
export function buildWaves(flagged: readonly number[], scored: (Scored | undefined)[], f: Features, outcomes: Outcomes, seq: { runs: SequenceRun[]; of: Int32Array }): { waves: Wave[]; keyOf: Map<number, string> } {
  const counts = new Map<string, number>();
  const groupKey = (kind: GroupKind, i: number) => {
    const g = outcomes.of[kind]?.[i] ?? -1;
    return g >= 0 ? `${kind}#${g}` : null;
  };
  for (const i of flagged) {
    for (const [kind] of ORDER) {
      const k = groupKey(kind, i);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const members = new Map<string, { kind: GroupKind; waveKind: WaveKind; group: number; list: number[] }>();
  for (const i of flagged) {
    // One mailbox or one numbering pattern is as specific as a key gets; otherwise the broader key
    // (domain×day, subnet×week, UA×day) that gathers the most flagged accounts wins.
    let pick: { key: string; kind: GroupKind; waveKind: WaveKind; size: number } | undefined;
    for (const [kind, waveKind] of ORDER) {
      const k = groupKey(kind, i);
      const size = k ? (counts.get(k) ?? 0) : 0;
      if (!k || size < WAVE_MIN) continue;
      if (kind === "mailbox" || kind === "sequence") {
        pick = { key: k, kind, waveKind, size };
        break;
      }
      // a user agent is shared by unrelated kits: only a last resort
      if (kind === "ua" && pick) break;
      if (!pick || size > pick.size) pick = { key: k, kind, waveKind, size };
    }
    if (!pick) continue;
    const entry = members.get(pick.key) ?? { kind: pick.kind, waveKind: pick.waveKind, group: outcomes.of[pick.kind]?.[i] ?? -1, list: [] };
    entry.list.push(i);
    members.set(pick.key, entry);
  }
  const waves: Wave[] = [];
  const keyOf = new Map<number, string>();
  const taken = new Map<string, number>();
  // In order of each group's first sign-up, so a "~2" suffix goes to the same run every time.
  const groups = [...members.values()].sort((a, b) => (outcomes.groups[a.group]?.firstAt ?? 0) - (outcomes.groups[b.group]?.firstAt ?? 0) || a.group - b.group);
  for (const { kind, waveKind, group, list } of groups) {
    // a key that lost members to stronger keys may fall below the minimum
    if (list.length < WAVE_MIN) continue;
    const g = outcomes.groups[group];
    if (!g) continue;
    const [firstAt, lastAt] = extent(list.map((i) => f.times[i] as number));
    const run = kind === "sequence" ? seq.runs[seq.of[list[0] as number] ?? -1] : undefined;
    const label = kind === "ua" ? short(g.key, 80) : kind === "domain" ? `@${g.key}` : (run?.label ?? g.key);
    // Two runs of one mailbox or numbering can start on the same day (rare): the later one is "~2".
    const base = waveKeyOf(waveKind, g.key, g.firstAt);
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    const key = seen === 1 ? base : `${base}~${seen}`;
    const byScore = [...list].sort((a, b) => (scored[b]?.score ?? 0) - (scored[a]?.score ?? 0));
    waves.push({
      key, kind: waveKind, label, size: list.length, left: list.length,
      firstAt: new Date(firstAt), lastAt: new Date(lastAt),
      avgScore: Math.round(list.reduce((s, i) => s + (scored[i]?.score ?? 0), 0) / list.length),
      topReasons: topReasons(byScore.map((i) => scored[i]?.reasons ?? [])),
      sampleUserIds: byScore.slice(0, SAMPLE).map((i) => scored[i]?.id ?? ""),
    });
    for (const i of list) keyOf.set(i, key);
  }
  waves.sort((a, b) => b.size - a.size || b.avgScore - a.avgScore || a.key.localeCompare(b.key));
  return { waves, keyOf };
}

/** The three reasons most members share, with the text of the highest-scoring member that has it. */
function topReasons(reasonsByScore: Reason[][]): Wave["topReasons"] {
  const tally = new Map<string, { count: number; text: string }>();
  for (const reasons of reasonsByScore) {
    for (const r of reasons) {
      if (r.points <= 0) continue;
      const t = tally.get(r.code);
      if (t) t.count++;
      else tally.set(r.code, { count: 1, text: r.text });
    }
  }
  return [...tally].sort((a, b) => b[1].count - a[1].count).slice(0, 3).map(([code, t]) => ({ code, count: t.count, text: t.text }));
}
