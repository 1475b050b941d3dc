import { outBit } from "./out-of-review";
import type { SpamResult } from "./types";

/** A moderator's decision on some accounts, as the cached result must reflect it. */
export interface SpamPatch {
  userIds: readonly string[];
  /**
   * an "out of review" state entered (out: true, e.g. a ban) or left (false, its lifting); `reason`
   * is the state's id (lib/modules types.ts ReviewExit), which the registry maps actions to
   */
  out?: { reason: string; out: boolean };
  /** cleared as "not spam" at this time, or the clearance undone (null) */
  cleared?: Date | null;
  /** the users were deleted: their rows leave the result (queue, waves, scores) for good */
  deleted?: true;
}

/** Open = still waiting for a decision: the queue lists it, its wave counts it as left. */
export const isOpen = (a: { out: readonly string[]; clearedAt: Date | null }) => !a.out.length && !a.clearedAt;

const members = new WeakMap<SpamResult, Map<string, Uint32Array>>();

/** Rows of every wave's members (all of them, decided or not), built once per result. */
export function waveMemberIndex(result: SpamResult): Map<string, Uint32Array> {
  let index = members.get(result);
  if (!index) {
    const acc = result.accounts;
    const lists = new Map<number, number[]>();
    for (let r = 0; r < acc.rowCount; r++) {
      const w = acc.waveAt(r);
      if (w < 0) continue;
      const list = lists.get(w);
      if (list) list.push(r);
      else lists.set(w, [r]);
    }
    // highest score first, as the wave page lists them
    index = new Map([...lists].map(([w, rows]) => [acc.waveKeys[w] as string, Uint32Array.from(rows.sort((a, b) => acc.queueOrder(a, b)))]));
    members.set(result, index);
  }
  return index;
}

/**
 * Applies a decision to a result in place and recounts the waves it touched. Idempotent: applying a
 * patch twice, or to a result computed after the decision, changes nothing more. Accounts the result
 * does not hold (outside its window, score 0) are skipped. Returns how many accounts changed.
 */
export function applySpamPatch(result: SpamResult, patch: SpamPatch): number {
  const acc = result.accounts;
  const touched = new Set<string>();
  let changed = 0;
  for (const id of patch.userIds) {
    const r = acc.rowOf(id);
    if (r < 0) continue;
    const before = acc.isOpenAt(r);
    if (patch.out) acc.setOut(r, outBit(patch.out.reason), patch.out.out);
    // as in lib/spam/queries.ts: a clearance counts only when made after the sign-up
    if (patch.cleared !== undefined) acc.setCleared(r, patch.cleared && patch.cleared.getTime() >= acc.createdAtMs(r) ? patch.cleared.getTime() : null);
    if (patch.deleted) acc.setDeleted(r);
    if (acc.isOpenAt(r) !== before || patch.deleted) changed++;
    const w = acc.waveAt(r);
    if (w >= 0) touched.add(acc.waveKeys[w] as string);
  }
  if (touched.size) {
    const index = waveMemberIndex(result);
    for (const wave of result.waves) {
      if (!touched.has(wave.key)) continue;
      let left = 0;
      for (const r of index.get(wave.key) ?? []) if (acc.isOpenAt(r)) left++;
      wave.left = left;
      if (patch.deleted) wave.sampleUserIds = wave.sampleUserIds.filter((id) => acc.rowOf(id) >= 0);
    }
  }
  return changed;
}
