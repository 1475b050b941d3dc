import type { Reason } from "./types";

/**
 * Shares the reasons most accounts have in common ("never verified the email address", "signed in
 * with an OAuth provider") and their combinations, so a result over a million accounts holds each of
 * them once instead of once per account. Only fixed sentences are pooled: a sentence that names a
 * network or a count is (nearly) unique and would only cost a pool entry. Pooled reasons and lists are
 * frozen: a caller that edits one would edit every account's.
 */
const POOLED = new Set(["lifecycle.unverified", "lifecycle.noreturn", "trust.oauth", "trust.active", "email.digits", "client.empty"]);
const EMPTY: Reason[] = Object.freeze([]) as unknown as Reason[];

interface Node {
  list?: Reason[];
  next: Map<Reason, Node>;
}

export function reasonPool(): (reasons: Reason[]) => Reason[] {
  // a fixed sentence names its signal and its points, so the text alone is the key
  const byText = new Map<string, Reason>();
  const root: Node = { next: new Map() };
  return (reasons) => {
    if (!reasons.length) return EMPTY;
    for (const r of reasons) if (!POOLED.has(r.code)) return reasons;
    let node = root;
    for (const r of reasons) {
      let shared = byText.get(r.text);
      if (!shared || shared.points !== r.points) {
        shared = Object.freeze({ ...r }) as Reason;
        byText.set(r.text, shared);
      }
      let child = node.next.get(shared);
      if (!child) {
        child = { next: new Map() };
        node.next.set(shared, child);
      }
      node = child;
    }
    node.list ??= Object.freeze(reasons.map((r) => byText.get(r.text) as Reason)) as Reason[];
    return node.list;
  };
}
