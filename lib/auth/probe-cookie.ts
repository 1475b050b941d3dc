import { randomBytes } from "node:crypto";
import { makeSignature } from "better-auth/crypto";

/**
 * The warm-up's probe cookie: a session cookie as Better Auth signs it (better-call's signed
 * cookie: `<value>.<base64 HMAC-SHA256 of the value under the secret>`, URL-encoded), naming a
 * random token that no session has. A request carrying it runs the signed-in path up to the session
 * lookup (cookie parse, signature check, the session-and-user query, which finds nothing) and then
 * what any anonymous request gets: the sign-in redirect or a 401. It authenticates nobody: the
 * token is 192 random bits made here, never read from anywhere, never written anywhere; nothing
 * about the cookie is special to the server (no bypass, no allow-list), and forging a session
 * would take a token of an existing session, which this never has. Server-side only (the secret).
 */
export const PROBE_TOKEN_BYTES = 24;

/** A Cookie header pair for `cookieName` holding a fresh random 192-bit token, signed with `secret`. */
export async function probeCookie(cookieName: string, secret: string): Promise<string> {
  const token = randomBytes(PROBE_TOKEN_BYTES).toString("base64url");
  // Better Auth's own signature (what better-call's signCookieValue writes), so the check passes
  // and the lookup runs, as it does for a real staff cookie.
  return `${cookieName}=${encodeURIComponent(`${token}.${await makeSignature(token, secret)}`)}`;
}

/** The token a probe cookie names (tests: to check that no session row ever holds it). */
export function probeToken(cookie: string): string {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  return value.slice(0, value.lastIndexOf("."));
}
