/**
 * Browser-side hardening that varies per request, used by proxy.ts (the static headers are in
 * next.config.mjs). Pure: no Next imports, so it is unit-testable.
 */

/**
 * The per-request Content-Security-Policy. Scripts run only with this response's nonce
 * ('strict-dynamic' lets Next's nonce'd bootstrap load its chunks); Next reads the nonce from the
 * request's CSP header and stamps it on every script and <style> it emits.
 * `style-src-attr 'unsafe-inline'`: React renders `style={…}` as an attribute (the spam wave
 * timeline's bar heights), and nonces cannot cover attributes. An attribute can only style its own
 * element (no selectors, no script); url() loads stay limited by img-src/font-src to this origin.
 * <style> elements still need the nonce, or one of the hashes below.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}' '${SONNER_STYLE_HASH}' '${EMPTY_STYLE_HASH}'`,
    "style-src-attr 'unsafe-inline'",
    // Avatars are the app's user.image (Google, GitHub… over https), loaded without a referrer
    // (components/ui/avatar.tsx); plain-http ones fall back to the initial.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over https: on plain http it would send the page's own requests to an https that is not there.
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * sonner (the toasts) inserts its stylesheet as a <style> element when its module loads, with no
 * way to pass a nonce; a hash allows exactly that text and nothing else. Pinned to the installed
 * sonner: test/ui-kit.test.ts recomputes it and fails on an upgrade that changes the CSS.
 */
export const SONNER_STYLE_HASH = "sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY=";
/**
 * The hash of "": sonner appends its <style> to <head> before filling it, and Chrome checks (and
 * reports) the empty element at that moment. An empty stylesheet styles nothing.
 */
export const EMPTY_STYLE_HASH = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

/** Two years, subdomains untouched: the dashboard may share a parent domain with other apps. */
export const HSTS = "max-age=63072000";

/**
 * Could this request run a server action? Next treats as one any POST with a `Next-Action` header,
 * and any form POST (multipart or urlencoded: progressive enhancement) to a page. /api routes
 * handle their own POSTs (lib/http/action-route.ts checks their origin; Better Auth its own).
 */
export function isServerActionRequest(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "POST" || pathname.startsWith("/api/")) return false;
  if (headers.has("next-action")) return true;
  const type = headers.get("content-type") ?? "";
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/**
 * A server action is accepted only from the dashboard's own origin: BETTER_AUTH_URL's, or the host
 * the request was sent to (what Next itself compares). No Origin, or "null" (sandboxed frames,
 * some redirects), is refused: the dashboard's own pages always send one.
 */
export function isSameOrigin(headers: Headers, baseUrl: string): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === new URL(baseUrl).origin) return true;
  const host = headers.get("host");
  return host !== null && url.host === host;
}
