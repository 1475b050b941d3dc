import ipaddr from "ipaddr.js";
import { badRequest } from "../errors";

/** An IP filter as staff type it: one address, or a CIDR range (IPv4 or IPv6). */
export type IpFilter = { kind: "exact"; value: string } | { kind: "cidr"; range: [ipaddr.IPv4 | ipaddr.IPv6, number]; text: string };

export function parseIpFilter(input: string): IpFilter {
  const text = input.trim();
  if (text.includes("/")) {
    try {
      const range = ipaddr.parseCIDR(text);
      return { kind: "cidr", range, text };
    } catch {
      throw badRequest(`ip: "${text}" is not a CIDR range (e.g. 203.0.113.0/24 or 2001:db8::/48)`);
    }
  }
  if (!ipaddr.isValid(text)) throw badRequest(`ip: "${text}" is not an IP address`);
  return { kind: "exact", value: text };
}

/**
 * `session.ipAddress` is free text (Better Auth stores IPv6 expanded or compressed, proxies store
 * whatever they forward), so Postgres' inet cast could fail on a stored value. A CIDR filter therefore
 * narrows in SQL by a text prefix the range guarantees, and matches exactly here with ipaddr.js.
 *   203.0.113.0/24 → LIKE '203.0.113.%'      2001:db8::/32 → LIKE '2001:%' (and 0db8-style, either case)
 * Plain LIKE on a prefix can use the doctor's text_pattern_ops index on ipAddress.
 */
export function cidrPrefixes(filter: Extract<IpFilter, { kind: "cidr" }>): string[] {
  const [addr, bits] = filter.range;
  if (addr.kind() === "ipv4") {
    const octets = (addr as ipaddr.IPv4).octets.slice(0, Math.floor(bits / 8));
    return [octets.length ? `${octets.join(".")}.%` : "%.%.%.%"];
  }
  if (bits < 16) return ["%:%"];
  const first = (addr as ipaddr.IPv6).parts[0]?.toString(16) ?? "0";
  const forms = [first, first.padStart(4, "0")].flatMap((f) => [f, f.toUpperCase()]);
  return [...new Set(forms.map((f) => `${f}:%`))];
}

export function ipMatches(filter: Extract<IpFilter, { kind: "cidr" }>, value: string): boolean {
  if (!ipaddr.isValid(value)) return false;
  let addr = ipaddr.parse(value);
  const [range] = filter.range;
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress() && range.kind() === "ipv4") {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  return addr.kind() === range.kind() && addr.match(filter.range as [typeof addr, number]);
}
