import type { Reason } from "./types";

/**
 * Shares the reasons most accounts have in common ("never verified the email address", "signed in
 * with an OAuth provider") and their combinations, so a result over a million accounts holds each of
 * them once instead of once per account. Only fixed sentences are pooled: a sentence that names a
 * network or a count is (nearly) unique and would only cost a pool key.
 */
const POOLED = new Set(["lifecycle.unverified", "lifecycle.noreturn", "trust.oauth", "trust.active", "email.digits", "client.empty"]);
const EMPTY: Reason[] = [];

export function reasonPool(): (reasons: Reason[]) => Reason[] {
  const one = new Map<string, { id: number; reason: Reason }>();
  const lists = new Map<string, Reason[]>();
  return (reasons) => {
    if (!reasons.length) return EMPTY;
    let key = "";
    for (const r of reasons) {
      if (!POOLED.has(r.code)) return reasons;
      const k = `${r.code}|${r.points}|${r.text}`;
      let e = one.get(k);
      if (!e) {
        e = { id: one.size, reason: Object.freeze({ ...r }) as Reason };
        one.set(k, e);
      }
      key += `${e.id},`;
    }
    let list = lists.get(key);
    if (!list) {
      list = Object.freeze(reasons.map((r) => (one.get(`${r.code}|${r.points}|${r.text}`) as { reason: Reason }).reason)) as Reason[];
      lists.set(key, list);
    }
    return list;
  };
}
