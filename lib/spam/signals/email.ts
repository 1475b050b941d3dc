/**
 * Pure helpers on email addresses: splitting, Gmail's alias folding, placeholder detection and the
 * shape of the local part. No I/O; the engine calls them once per user in the scored window.
 */

export interface EmailParts {
  /** lowercased local part as stored (with any +tag) */
  local: string;
  /** lowercased domain */
  domain: string;
}

export function splitEmail(email: string): EmailParts | null {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return null;
  return { local: email.slice(0, at).trim().toLowerCase(), domain: email.slice(at + 1).trim().toLowerCase() };
}

/** Gmail delivers `j.o.h.n+x@googlemail.com` to `john@gmail.com`: dots and +tags are ignored there. */
const DOTLESS_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * The mailbox an address is delivered to, as far as the provider's public rules tell:
 *   - everywhere: `+tag` is dropped (sub-addressing is supported by nearly every provider);
 *   - gmail.com / googlemail.com: dots are dropped too and both domains are one.
 * Plus-addressing alone is legitimate (people filter their mail with it), so a canonical form only
 * matters when several accounts share it.
 */
export function canonicalMailbox(email: string): string | null {
  const p = splitEmail(email);
  return p ? canonicalOf(p) : null;
}

export function canonicalOf(p: EmailParts): string | null {
  let local = p.local;
  const plus = local.indexOf("+");
  if (plus >= 0) local = local.slice(0, plus);
  let domain = p.domain;
  if (DOTLESS_DOMAINS.has(domain)) {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return local ? `${local}@${domain}` : null;
}

/** The local part without its +tag. */
export function baseLocal(local: string): string {
  const plus = local.indexOf("+");
  return plus >= 0 ? local.slice(0, plus) : local;
}

/**
 * Addresses that are random by construction, so their shape says nothing about the person:
 *   `<id>@<ns>.placeholder.invalid`  Better Auth's createPlaceholderEmail (OAuth without email, SIWE, anonymous)
 *   `temp-<id>@<domain>`, `temp@<id>.com`  the anonymous plugin (current and older versions)
 *   anything under the reserved `.invalid`, `.example`, `.test`, `.localhost` TLDs
 */
export function isPlaceholderEmail(email: string): boolean {
  const p = splitEmail(email);
  return !p || isPlaceholderParts(p);
}

const RESERVED_TLD = /\.(invalid|example|test|localhost)$/;

export function isPlaceholderParts(p: EmailParts): boolean {
  if (RESERVED_TLD.test(p.domain)) return true;
  if (/^temp-[a-z0-9]{8,}$/.test(p.local)) return true;
  if (p.local === "temp" && /^[a-z0-9]{16,}\.com$/.test(p.domain)) return true;
  return false;
}

/** Digits in the local part (ignoring the +tag): `jd48213` → 5 of 7. */
export function digitShare(local: string): { digits: number; length: number } {
  const base = baseLocal(local);
  let digits = 0;
  for (let i = 0; i < base.length; i++) {
    const c = base.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return { digits, length: base.length };
}

/** Digit-heavy: at least 5 digits making up at least 60% of the local part (`8837462@…`, `a93847561@…`). */
export function isDigitHeavy(local: string): boolean {
  const { digits, length } = digitShare(local);
  return digits >= 5 && digits / length >= 0.6;
}

export interface Numbered {
  /** local part before the trailing number, e.g. "promo" */
  prefix: string;
  n: number;
  /** the number's digit count (a sequence keeps it, apart from carries) */
  width: number;
}

/** `promo123` → { prefix: "promo", n: 123 }; null when the local part does not end in a number. */
export function trailingNumber(local: string): Numbered | null {
  const m = /^(.*?[^0-9])([0-9]{1,7})$/.exec(baseLocal(local));
  if (!m) return null;
  const prefix = m[1] ?? "";
  const digits = m[2] ?? "";
  if (prefix.length < 2) return null;
  return { prefix, n: Number(digits), width: digits.length };
}
