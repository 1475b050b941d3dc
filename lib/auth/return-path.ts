/**
 * Where sign-in may send the browser back to: a path on this dashboard, nothing else. An open
 * redirect (`?next=//evil.example`) would let a phishing link pass through our sign-in page and
 * land the staff member on a look-alike, so anything that is not plainly a same-origin relative
 * path is refused (null: the caller uses its default).
 *
 * Refused: absolute URLs (`https://evil`), protocol-relative ones (`//evil.com`), backslashes
 * (`/\evil.com`: browsers read `\` as `/`), control characters (the URL parser drops tab and
 * newlines, so `/\t/evil.com` becomes `//evil.com`), paths that normalise to `//…` (`/.//evil.com`),
 * the API (a JSON body is no page to land on) and the sign-in page itself (a loop).
 */
const BASE = "http://dashboard.invalid";

export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/api/") || url.pathname === "/api") return null;
  return path;
}

/** The request header the proxy puts the requested page's path in, for the sign-in redirect. */
export const REQUEST_PATH_HEADER = "x-dashboard-request-path";

/**
 * The sign-in page's URL that returns to `path` afterwards (plain /sign-in when there is nothing to
 * return to: `/` means the landing page, which sign-in picks by role). /users is kept: it is no
 * longer the default landing page (the overview is, lib/auth/landing.ts).
 */
export function signInUrl(path: string | null | undefined): string {
  const safe = safeReturnPath(path);
  return safe && safe !== "/" ? `/sign-in?next=${encodeURIComponent(safe)}` : "/sign-in";
}
