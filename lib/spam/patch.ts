import type { SpamResult } from "./types";

/** A moderator's decision on some accounts, as the cached result must reflect it. */
export interface SpamPatch {
  userIds: readonly string[];
  /** a ban (true) or its lifting (false) */
  banned?: boolean;
  /** cleared as "not spam" at this time, or the clearance undone (null) */
  cleared?: Date | null;
}

/** Open = still waiting for a decision: the queue lists it, its wave counts it as left. */
export const isOpen = (a: { banned: boolean; clearedAt: Date | null }) => !a.banned && !a.clearedAt;

const members = new WeakMap<SpamResult, Map<string, string[]>>();

/** Member ids of every wave of a result (all of them, decided or not), built once per result. */
export function waveMemberIndex(result: SpamResult): Map<string, string[]> {
  let index = members.get(result);
  if (!index) {
    index = new Map();
    for (const [id, acc] of result.accounts) {
      if (!acc.waveKey) continue;
      const list = index.get(acc.waveKey);
      if (list) list.push(id);
      else index.set(acc.waveKey, [id]);
    }
    members.set(result, index);
  }
  return index;
}

/**
 * Applies a decision to a result in place (accounts are shared with the queue's sorted list, so it
 * sees the change too) and recounts the waves it touched. Idempotent: applying a patch twice, or to
 * a result computed after the decision, changes nothing more. Accounts the result does not hold
 * (outside its window, score 0) are skipped. Returns how many accounts changed.
 */
export function applySpamPatch(result: SpamResult, patch: SpamPatch): number {
  const touched = new Set<string>();
  let changed = 0;
  for (const id of patch.userIds) {
    const acc = result.accounts.get(id);
    if (!acc) continue;
    const before = isOpen(acc);
    if (patch.banned !== undefined) acc.banned = patch.banned;
    // as in lib/spam/queries.ts: a clearance counts only when made after the sign-up
    if (patch.cleared !== undefined) acc.clearedAt = patch.cleared && patch.cleared >= acc.createdAt ? patch.cleared : null;
    if (isOpen(acc) !== before) changed++;
    if (acc.waveKey) touched.add(acc.waveKey);
  }
  if (touched.size) {
    const index = waveMemberIndex(result);
    for (const wave of result.waves) {
      if (!touched.has(wave.key)) continue;
      wave.left = (index.get(wave.key) ?? []).reduce((n, id) => n + (isOpen(result.accounts.get(id) ?? { banned: true, clearedAt: null }) ? 1 : 0), 0);
    }
  }
  return changed;
}
