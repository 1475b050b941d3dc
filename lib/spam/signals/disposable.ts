import { disposableEmailBlocklistSet } from "disposable-email-domains-js";

/**
 * Throwaway mailbox providers, from disposable-email-domains-js (CC0; it ships the community-maintained
 * disposable-email-domains list, ~9k domains, inside the package: nothing is downloaded at run time).
 * Privacy relays (duck.com, SimpleLogin, addy.io) are NOT in that list, on purpose: people use them to
 * protect a real inbox.
 */
let blocklist: Set<string> | undefined;

function domains(): Set<string> {
  blocklist ??= disposableEmailBlocklistSet();
  return blocklist;
}

/**
 * The listed domain `domain` belongs to, or null: `mailinator.com` and `x7.mailinator.com` both match
 * (throwaway services hand out subdomains), `notmailinator.com` does not.
 */
export function disposableDomain(domain: string): string | null {
  const list = domains();
  let d = domain.toLowerCase();
  for (;;) {
    if (list.has(d)) return d;
    const dot = d.indexOf(".");
    // stop at the registrable part: a bare TLD is never on the list
    if (dot < 0 || d.indexOf(".", dot + 1) < 0) return null;
    d = d.slice(dot + 1);
  }
}
