import { otherDomains, plusTags, regionalWebmail, webmailDomains } from "./data";
import { type Random, weightedTable } from "./random";

/**
 * Emails and usernames derived from a person's name the way people pick them, plus the uniqueness
 * registry: `user.email` (and the username plugin's `username`) carry unique indexes, so the generator
 * must never emit a duplicate, across all batches, without keeping every row in memory.
 */

/**
 * Remembers hashes of the strings handed out, as one bit each in a bitmap of 2^n bits sized from the
 * planned user count (registryBits): 128 KB for the demo's 5,000 users, 16 MB at 1M, the 128 MB cap
 * (30-bit hashes) from about 4.2M users. It used to be a Set of the hashes: memory grew with every user
 * (about 1.9 GB past 6.4M users) and V8 rehashed and garbage-collected an ever larger table, so seeding
 * slowed from 3,300 to 670 users/s; a Set also caps at 2^24 entries, fewer than 10M users' emails and
 * usernames. Then a fixed 128 MB bitmap, which the demo paid for too. The answers depend on the size
 * (a hash is cut to n bits), and the size only on the user count, so the same seed and count still
 * give the same rows. A hash collision only makes the caller pick another address, which is harmless
 * and still deterministic: the bitmap holds at least 64 bits per string claimed (about 1.3 per user)
 * below the cap, so under 2% of first choices collide (at 10M users, at the cap, about 1%).
 */
export class UniqueRegistry {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private readonly shared: boolean;

  /**
   * `users`: the planned user count, which sizes a private bitmap. A SharedArrayBuffer
   * (UniqueRegistry.sharedBuffer) instead is a bitmap the seeder's worker threads claim from together
   * (lib/seed/parallel.ts), atomically, so no two of them hand out one address.
   */
  constructor(usersOrShared: number | SharedArrayBuffer) {
    this.shared = typeof usersOrShared !== "number";
    this.bits = new Uint32Array(typeof usersOrShared === "number" ? new ArrayBuffer(registryBytes(usersOrShared)) : usersOrShared);
    const size = this.bits.length * 32;
    if ((size & (size - 1)) !== 0) throw new Error(`a registry bitmap holds 2^n bits, not ${size}`);
    this.mask = size - 1;
  }

  static sharedBuffer(users: number): SharedArrayBuffer {
    return new SharedArrayBuffer(registryBytes(users));
  }

  /** the bitmap's size in bytes */
  get bytes(): number {
    return this.bits.byteLength;
  }

  /** true if `value` was free (and is now taken) */
  claim(value: string): boolean {
    let h = 0x811c9dc5;
    for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
    h &= this.mask;
    const word = h >>> 5;
    const bit = 1 << (h & 31);
    if (this.shared) return (Atomics.or(this.bits, word, bit) & bit) === 0;
    const w = this.bits[word] as number;
    if (w & bit) return false;
    this.bits[word] = w | bit;
    return true;
  }
}

/**
 * n of the 2^n-bit bitmap for a planned user count: 64 bits per string claimed (an email per user, a
 * username for some, the staff and spam retries on top: 2 per user is generous), at least 2^20 bits
 * (128 KB), at most 2^30 (128 MB, the hash's 30 bits).
 */
export function registryBits(users: number): number {
  const wanted = Math.max(1, users) * 2 * 64;
  return Math.min(30, Math.max(20, Math.ceil(Math.log2(wanted))));
}

const registryBytes = (users: number) => 2 ** registryBits(users) / 8;

const webmail = weightedTable(webmailDomains);
const regional = Object.fromEntries(Object.entries(regionalWebmail).map(([k, v]) => [k, weightedTable(v)]));

/** A mailbox provider for a person of that region: mostly global webmail, part regional, a few own domains. */
export function pickDomain(r: Random, region: string): string {
  const local = regional[region];
  if (local && r.chance(0.35)) return local.pick(r);
  if (r.chance(0.03)) return r.pick(otherDomains);
  return webmail.pick(r);
}

type Style = (r: Random, f: string, l: string) => string;

const birthYear = (r: Random) => String(r.int(1965, 2006));
const twoDigits = (r: Random) => String(r.int(0, 99)).padStart(2, "0");

const styles = weightedTable<Style>([
  [(_, f, l) => `${f}.${l}`, 30],
  [(_, f, l) => `${f}${l}`, 12],
  [(_, f, l) => `${f}_${l}`, 3],
  [(_, f, l) => `${f.charAt(0)}${l}`, 11],
  [(_, f, l) => `${f.charAt(0)}.${l}`, 3],
  [(r, f, l) => `${f}${l}${twoDigits(r)}`, 11],
  [(r, f, l) => `${f}.${l}${birthYear(r)}`, 6],
  [(r, f) => `${f}${birthYear(r)}`, 5],
  [(_, f, l) => `${l}.${f}`, 4],
  [(r, f) => `${f}${r.int(1, 999)}`, 5],
  [(r, f, l) => `${f.charAt(0)}${l.charAt(0)}${r.int(100, 99999)}`, 3],
  [(_, f, l) => `${l}${f.charAt(0)}`, 3],
  [(_, f, l) => `${f}-${l}`, 1],
  [(_, f) => f, 3],
]);

/** A local part built from the name; the caller adds disambiguating digits when it is taken. */
export function localPartFromName(r: Random, first: string, last: string): string {
  const f = first || "user";
  const l = last || "mail";
  return styles.pick(r)(r, f, l).slice(0, 40);
}

export interface EmailChoice {
  email: string;
  plusTag: boolean;
}

/**
 * A unique, name-derived address. `plusTagChance`: legitimate users filtering their mail with
 * `+tags` (a look-alike the spam score must not punish).
 */
export function uniqueEmail(r: Random, reg: UniqueRegistry, first: string, last: string, domain: string, plusTagChance: number): EmailChoice {
  const plusTag = r.chance(plusTagChance);
  const tag = plusTag ? `+${r.pick(plusTags)}` : "";
  let local = localPartFromName(r, first, last);
  for (let attempt = 0; ; attempt++) {
    const email = `${local}${tag}@${domain}`;
    if (reg.claim(email)) return { email, plusTag };
    giveUpAfter(attempt, email);
    // Taken: do what people do when their name is gone, append a number (growing with the attempts).
    local = attempt < 3 ? localPartFromName(r, first, last) : `${local.replace(/\d+$/, "")}${r.int(1, 10 ** Math.min(2 + attempt, 9))}`;
  }
}

/** Username plugin values: lowercase `username` (unique) and the casing the person typed. */
export function uniqueUsername(r: Random, reg: UniqueRegistry, first: string, last: string): { username: string; displayUsername: string } {
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  let display = r.pick([`${capital(first)}${capital(last)}`, `${first}_${last}`, `${first}${r.int(1, 99)}`, `${capital(first)}${last.charAt(0).toUpperCase()}`]);
  for (let attempt = 0; ; attempt++) {
    const candidate = display.slice(0, USERNAME_MAX);
    if (reg.claim(`username:${candidate.toLowerCase()}`)) return { username: candidate.toLowerCase(), displayUsername: candidate };
    giveUpAfter(attempt, candidate);
    // The number goes inside the length limit: appended to a name of 30 characters or more it was cut
    // off again, every retry drew the same taken name, and the 10M seed hung at 7.79M users.
    const digits = String(r.int(1, 10 ** Math.min(2 + attempt, 9)));
    display = `${display.replace(/\d+$/, "").slice(0, USERNAME_MAX - digits.length)}${digits}`;
  }
}

const USERNAME_MAX = 30;
/** far more draws than any free value needs (a retry collides with odds of a few percent at most) */
export const MAX_ATTEMPTS = 1_000;

/**
 * A retry loop that cannot find a free value fails loudly instead of spinning (a silent hang cost a
 * 10M-user seed an hour).
 */
export function giveUpAfter(attempt: number, last: string): void {
  if (attempt >= MAX_ATTEMPTS) throw new Error(`seed: no free value after ${MAX_ATTEMPTS} attempts (last tried ${JSON.stringify(last)})`);
}

/** The first value `draw(attempt)` gives that `reg` had not handed out, now claimed; gives up loudly (giveUpAfter). */
export function claimFree(reg: UniqueRegistry, draw: (attempt: number) => string): string {
  for (let attempt = 0; ; attempt++) {
    const value = draw(attempt);
    if (reg.claim(value)) return value;
    giveUpAfter(attempt, value);
  }
}
