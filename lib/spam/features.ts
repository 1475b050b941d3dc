import type { UserFacts } from "./facts";
import { indexKeys, type KeyIndex } from "./groups";
import type { BigramModel } from "./signals/bigram";
import { disposableDomain } from "./signals/disposable";
import { type NameContent, nameContent } from "./signals/display-name";
import { canonicalOf, isDigitHeavy, isPlaceholderParts, type Numbered, splitEmail, trailingNumber } from "./signals/email";
import { networkKeys } from "./signals/network";
import { type ClientInfo, classifyUserAgent } from "./signals/user-agent";

/**
 * Per-user features, column-wise (index i = i-th sign-up, oldest first). The string work (email
 * parsing, Gmail folding, list look-ups, the bigram model, IP parsing, user-agent classes) runs once
 * per user; user agents repeat a lot, so their classes are cached per distinct string.
 */
export interface Features {
  n: number;
  times: Float64Array;
  domain: (string | null)[];
  mailbox: (string | null)[];
  placeholder: Uint8Array;
  disposable: (string | null)[];
  generated: Uint8Array;
  digitHeavy: Uint8Array;
  numbered: (Numbered | null)[];
  ip: (string | null)[];
  subnet: (string | null)[];
  ua: (string | null)[];
  client: (ClientInfo | null)[];
  content: (NameContent | null)[];
}

/**
 * `carried`: the previous slice's features, whose rows from `from` on are this call's first rows (the
 * look-back a slice keeps, lib/spam/engine.ts): they are copied, not computed again. A row's features
 * depend on nothing but the row (the model is fixed for a run), so the copy is what a fresh pass gives.
 * `uaCache` may be shared across calls (a user agent's class never changes within a run).
 */
export function extractFeatures(
  facts: readonly UserFacts[], model: BigramModel | null, nativeClients: readonly string[],
  carried?: { f: Features; from: number }, uaCache: Map<string, ClientInfo> = new Map(),
): Features {
  const n = facts.length;
  const f: Features = {
    n,
    times: new Float64Array(n),
    domain: new Array(n).fill(null),
    mailbox: new Array(n).fill(null),
    placeholder: new Uint8Array(n),
    disposable: new Array(n).fill(null),
    generated: new Uint8Array(n),
    digitHeavy: new Uint8Array(n),
    numbered: new Array(n).fill(null),
    ip: new Array(n).fill(null),
    subnet: new Array(n).fill(null),
    ua: new Array(n).fill(null),
    client: new Array(n).fill(null),
    content: new Array(n).fill(null),
  };
  const kept = carried ? Math.min(n, carried.f.n - carried.from) : 0;
  if (carried && kept > 0) copyRows(carried.f, carried.from, f, kept);
  for (let i = kept; i < n; i++) {
    const u = facts[i] as UserFacts;
    f.times[i] = u.createdAt;
    f.content[i] = nameContent(u.name);
    const parts = splitEmail(u.email);
    if (parts) {
      // gmail.com and googlemail.com are one provider
      f.domain[i] = parts.domain === "googlemail.com" ? "gmail.com" : parts.domain;
      f.disposable[i] = disposableDomain(parts.domain);
    }
    if (parts && !isPlaceholderParts(parts)) {
      f.mailbox[i] = canonicalOf(parts);
      f.numbered[i] = trailingNumber(parts.local);
      f.digitHeavy[i] = isDigitHeavy(parts.local) ? 1 : 0;
      f.generated[i] = model?.looksGenerated(parts.local) ? 1 : 0;
    } else {
      f.placeholder[i] = 1;
    }
    if (u.hasSignupSession) {
      const net = networkKeys(u.signupIp);
      f.ip[i] = net?.ip ?? null;
      f.subnet[i] = net?.subnet ?? null;
      const ua = u.signupUa?.trim() ?? "";
      f.ua[i] = ua || null;
      let info = uaCache.get(ua);
      if (!info) {
        info = classifyUserAgent(ua, nativeClients);
        uaCache.set(ua, info);
      }
      f.client[i] = info;
    }
  }
  return f;
}

const COLUMNS = ["times", "domain", "mailbox", "placeholder", "disposable", "generated", "digitHeavy", "numbered", "ip", "subnet", "ua", "client", "content"] as const;

/** Rows [from, from + count) of `src` become rows [0, count) of `dst`. */
function copyRows(src: Features, from: number, dst: Features, count: number) {
  for (const c of COLUMNS) {
    const a = src[c];
    const b = dst[c];
    if (ArrayBuffer.isView(a)) (b as Float64Array).set((a as Float64Array).subarray(from, from + count));
    else for (let i = 0; i < count; i++) (b as unknown[])[i] = (a as unknown[])[from + i];
  }
}

/** The keys sign-ups share, indexed once and reused by calibration, bursts and groups. */
export interface Indexes {
  ip: KeyIndex;
  subnet: KeyIndex;
  /** email domains, placeholders left out (their domain is shared by construction) */
  domain: KeyIndex;
  ua: KeyIndex;
}

export function indexFeatures(f: Features): Indexes {
  return {
    ip: indexKeys(f.ip),
    subnet: indexKeys(f.subnet),
    domain: indexKeys(f.domain.map((d, i) => (f.placeholder[i] ? null : d))),
    ua: indexKeys(f.ua),
  };
}
