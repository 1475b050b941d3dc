import { desktopUserAgents, mobileUserAgents } from "./data";
import { type Random, weightedTable } from "./random";

/**
 * Plausible public addresses. First octets come from ranges allocated to ISPs and carriers, so no
 * private, CGNAT, multicast or documentation address ever appears (a dashboard showing 10.0.0.1 for a
 * customer would look broken). Sessions store the address string as Better Auth receives it.
 */
const ispFirstOctets = [
  24, 31, 37, 46, 47, 50, 62, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85,
  86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 98, 99, 101, 106, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117,
  118, 119, 120, 121, 122, 123, 124, 125, 151, 171, 175, 176, 177, 178, 179, 180, 181, 182, 183, 186, 187, 188,
  189, 190, 191, 200, 201, 211, 212, 213, 217, 220, 221, 222, 223,
];
/** Hosting and VPN ranges: where scripted sign-ups come from. */
const hostingFirstOctets = [5, 23, 38, 45, 64, 103, 104, 107, 138, 139, 141, 146, 149, 154, 157, 159, 162, 165, 167, 185, 193, 194, 195, 206, 209];
/** Global unicast prefixes of real ISPs and carriers (/32s) */
const v6Prefixes = ["2a02:8108", "2a01:c23", "2a00:23c6", "2600:1700", "2601:282", "2603:8000", "2605:a601", "2804:14d", "2409:40c2", "240e:3b0", "2001:4860", "2a03:2880"];

const octet = (r: Random) => r.int(1, 254);

export function ipv4(r: Random, hosting = false): string {
  return `${r.pick(hosting ? hostingFirstOctets : ispFirstOctets)}.${r.int(0, 255)}.${r.int(0, 255)}.${octet(r)}`;
}

/** `a.b.c.` prefix of a /24 that a wave of sign-ups shares */
export function subnet24(r: Random, hosting = true): string {
  return `${r.pick(hosting ? hostingFirstOctets : ispFirstOctets)}.${r.int(0, 255)}.${r.int(0, 255)}.`;
}

export function inSubnet(r: Random, prefix: string): string {
  return `${prefix}${octet(r)}`;
}

export function ipv6(r: Random): string {
  const group = () => r.hex(4).replace(/^0+(?=.)/, "");
  return `${r.pick(v6Prefixes)}:${group()}:${group()}:${group()}:${group()}:${group()}:${group()}`;
}

/** A home connection: IPv6 for a part of the population, like dual-stack ISPs hand out. */
export function homeIp(r: Random): string {
  return r.chance(0.18) ? ipv6(r) : ipv4(r);
}

const desktop = weightedTable(desktopUserAgents);
const mobile = weightedTable(mobileUserAgents);

export const desktopUA = (r: Random) => desktop.pick(r);
export const mobileUA = (r: Random) => mobile.pick(r);

/** The devices one person signs in from: a computer and/or a phone, used for all their sessions. */
export interface Devices {
  uas: string[];
  home: string;
  /** phone sessions come from the carrier, a new address each time */
  mobileShare: number;
}

export function devicesFor(r: Random): Devices {
  const kind = r.next();
  const uas = kind < 0.45 ? [desktopUA(r), mobileUA(r)] : kind < 0.75 ? [desktopUA(r)] : [mobileUA(r)];
  if (r.chance(0.08)) uas.push(desktopUA(r)); // a second computer (work laptop)
  return { uas, home: homeIp(r), mobileShare: kind < 0.45 ? 0.35 : kind < 0.75 ? 0.05 : 0.6 };
}

/** Address of one session: home most of the time, otherwise a carrier or a café. */
export function sessionIp(r: Random, d: Devices): string {
  const x = r.next();
  if (x < d.mobileShare) return r.chance(0.3) ? ipv6(r) : ipv4(r);
  if (x < d.mobileShare + 0.08) return ipv4(r);
  return d.home;
}
