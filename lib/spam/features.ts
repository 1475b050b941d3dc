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

export function extractFeatures(facts: readonly UserFacts[], model: BigramModel | null, nativeClients: readonly string[]): Features {
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
  const uaCache = new Map<string, ClientInfo>();
  for (let i = 0; i < n; i++) {
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
