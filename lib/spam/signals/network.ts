import ipaddr from "ipaddr.js";

/**
 * Network keys of a sign-up address. `session.ipAddress` is free text: Better Auth stores IPv6 fully
 * expanded (`2001:0db8:0000:…`) or compressed and normalised to its /64, proxies store what they
 * forward. Everything is parsed once into canonical text so the same network gets the same key.
 */
export interface NetworkKeys {
  /** canonical address (IPv4-mapped IPv6 becomes IPv4) */
  ip: string;
  /** IPv4 /24 or IPv6 /48, as CIDR text: the block one provider or customer usually holds */
  subnet: string;
}

/** Ranges that never identify a client on the internet: a proxy or a test set-up wrote them. */
const NOT_PUBLIC = new Set(["unspecified", "loopback", "private", "linkLocal", "uniqueLocal", "broadcast", "multicast"]);

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function networkKeys(raw: string | null | undefined): NetworkKeys | null {
  if (!raw) return null;
  const text = raw.trim();
  // Fast path for plain IPv4, the common case (a full pass parses a million of them).
  const m = V4.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const c = Number(m[3]);
    const d = Number(m[4]);
    if (a > 255 || b > 255 || c > 255 || d > 255) return null;
    // unspecified, private, loopback, link-local, multicast and reserved: a proxy or a test wrote them
    if (a === 0 || a === 10 || a === 127 || a >= 224 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return null;
    return { ip: `${a}.${b}.${c}.${d}`, subnet: `${a}.${b}.${c}.0/24` };
  }
  const v6 = parseV6(text);
  if (v6) return keysOfV6(v6);
  // Anything unusual (brackets, zone ids, IPv4-mapped IPv6): ipaddr.js decides.
  const bare = text.replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return null;
  let addr = ipaddr.parse(bare);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (NOT_PUBLIC.has(addr.range())) return null;
  if (addr.kind() === "ipv4") return networkKeys(addr.toString());
  return keysOfV6((addr as ipaddr.IPv6).parts);
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/**
 * Plain IPv6 text (compressed or fully expanded, as Better Auth stores it) into its eight groups;
 * null for anything else (embedded IPv4, zone ids, brackets), which takes the ipaddr.js path.
 */
function parseV6(text: string): number[] | null {
  if (!text.includes(":") || text.includes(".") || text.includes("%") || text.includes("[")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const groups = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  const parts: number[] = [];
  for (const g of groups) {
    if (!HEX_GROUP.test(g)) return null;
    parts.push(Number.parseInt(g, 16));
  }
  return parts;
}

function keysOfV6(parts: number[]): NetworkKeys | null {
  const p0 = parts[0] ?? 0;
  // ::, ::1, IPv4-mapped/compatible, unique-local fc00::/7, link-local fe80::/10, multicast ff00::/8
  if (p0 === 0 || (p0 & 0xfe00) === 0xfc00 || (p0 & 0xffc0) === 0xfe80 || (p0 & 0xff00) === 0xff00) return null;
  return { ip: compress(parts), subnet: `${compress([...parts.slice(0, 3), 0, 0, 0, 0, 0])}/48` };
}

/** RFC 5952 text: the longest run of two or more zero groups becomes "::". */
function compress(parts: number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (parts[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && parts[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(":");
  if (best < 0) return hex(parts);
  return `${hex(parts.slice(0, best))}::${hex(parts.slice(best + bestLen))}`;
}
