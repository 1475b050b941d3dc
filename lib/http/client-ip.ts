import ipaddr from "ipaddr.js";

/**
 * Where a request came from, decided in one place for the audit log, the sign-in throttle and the
 * IP Better Auth writes into staff session rows.
 *
 * `next start` exposes no socket address to route handlers or server actions: it only fills in
 * `X-Forwarded-For` from the socket when the request has none (`??=` in next/dist/server/base-server.js,
 * Next 16.4), so a client that sends its own header hides its address. The dashboard therefore
 * records the socket's address itself (lib/http/peer-address.ts, installed by instrumentation.ts)
 * in PEER_HEADER, overwriting anything a client sent under that name.
 *
 * TRUSTED_PROXY_HOPS = 0 (default): no proxy is trusted, X-Forwarded-For and X-Real-IP are ignored,
 * the peer is the client. N > 0: N proxies in front of the dashboard each append the address they
 * saw, so the Nth entry from the right of X-Forwarded-For is the client; entries further left were
 * written by the client and are ignored. A chain shorter than N means the request skipped the
 * proxies: the peer is used.
 */
export const PEER_HEADER = "x-ba-admin-peer";

/** The resolved client address handed to Better Auth (advanced.ipAddress.ipAddressHeaders). */
export const CLIENT_IP_HEADER = "x-ba-admin-client-ip";

const g = globalThis as unknown as { __baAdminPeerHook?: boolean };

/** Set by installPeerAddressHook: PEER_HEADER then comes from the socket, never from the client. */
export const peerHeaderTrusted = () => g.__baAdminPeerHook === true;
export const markPeerHeaderTrusted = () => {
  g.__baAdminPeerHook = true;
};

/** A canonical address (IPv4-mapped IPv6 → IPv4, ports and brackets dropped), or null if it is not one. */
export function normalizeIp(raw: string | null | undefined): string | null {
  let s = raw?.trim();
  if (!s) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed?.[1]) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  if (!ipaddr.isValid(s)) return null;
  // isValid also accepts "1.2.3" and hex forms; only the four-part dotted form is an IPv4 here.
  if (!s.includes(":") && !ipaddr.IPv4.isValidFourPartDecimal(s)) return null;
  const addr = ipaddr.parse(s);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) return (addr as ipaddr.IPv6).toIPv4Address().toString();
  return addr.toString();
}

export interface ClientIpOptions {
  trustedProxyHops: number;
  /** whether PEER_HEADER was written by the dashboard's own hook (default: the running process's) */
  peerTrusted?: boolean;
}

export function resolveClientIp(h: Headers, opts: ClientIpOptions): string | null {
  const peer = (opts.peerTrusted ?? peerHeaderTrusted()) ? normalizeIp(h.get(PEER_HEADER)) : null;
  if (opts.trustedProxyHops <= 0) return peer;
  const chain = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (chain.length < opts.trustedProxyHops) return peer;
  return normalizeIp(chain[chain.length - opts.trustedProxyHops]);
}

/** The key the throttle counts an address under: IPv6 clients usually hold a whole /64. */
export function addressBucket(ip: string | null): string {
  if (!ip) return "unknown";
  const addr = ipaddr.parse(ip);
  if (addr.kind() === "ipv4") return ip;
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(":")}::/64`;
}

/**
 * The headers to give Better Auth: CLIENT_IP_HEADER carries the resolved address (a value sent by
 * the client under that name is dropped), so its session rows record the same IP as the audit log.
 */
export function withClientIp(h: Headers, ip: string | null): Headers {
  const out = new Headers(h);
  out.delete(CLIENT_IP_HEADER);
  if (ip) out.set(CLIENT_IP_HEADER, ip);
  return out;
}
