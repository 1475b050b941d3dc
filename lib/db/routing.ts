/**
 * Read-your-writes with a replica: every successful mutation sets this short-lived cookie; while it
 * is present the staff member's reads go to the primary, which replication lag cannot outrun.
 */
export const FRESH_COOKIE = "ba-admin-fresh";
export const FRESH_SECONDS = 15;

export const freshCookieHeader = () => `${FRESH_COOKIE}=1; Max-Age=${FRESH_SECONDS}; Path=/; HttpOnly; SameSite=Lax`;

export function wroteRecently(headers: Headers): boolean {
  return (headers.get("cookie") ?? "").split(";").some((c) => c.trim().startsWith(`${FRESH_COOKIE}=`));
}

export function chooseReadDatabase<D>(headers: Headers, primary: () => Promise<D>, replica: () => Promise<D>): Promise<D> {
  return wroteRecently(headers) ? primary() : replica();
}
