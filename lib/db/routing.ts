/**
 * Read-your-writes with a replica: every successful mutation sets this short-lived cookie; while it
 * is present the staff member's reads go to the primary, which replication lag cannot outrun.
 */
export const FRESH_COOKIE = "ba-admin-fresh";
export const FRESH_SECONDS = 15;

/** The cookie, defined once: server actions set it through next/headers, API responses as a header. */
export const freshCookie = { name: FRESH_COOKIE, value: "1", options: { maxAge: FRESH_SECONDS, httpOnly: true, sameSite: "lax", path: "/" } } as const;

export const freshCookieHeader = () => `${freshCookie.name}=${freshCookie.value}; Max-Age=${freshCookie.options.maxAge}; Path=${freshCookie.options.path}; HttpOnly; SameSite=Lax`;

export function wroteRecently(headers: Headers): boolean {
  return (headers.get("cookie") ?? "").split(";").some((c) => c.trim().startsWith(`${FRESH_COOKIE}=`));
}

export function chooseReadDatabase<D>(headers: Headers, primary: () => Promise<D>, replica: () => Promise<D>): Promise<D> {
  return wroteRecently(headers) ? primary() : replica();
}
