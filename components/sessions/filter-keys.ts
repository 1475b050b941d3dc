/**
 * The session filters' URL keys (lib/sessions/search-params.ts). A plain module, not the client hook's:
 * a server component importing a value from a "use client" file would get a client reference.
 */
export const sessionFilterKeys = ["user", "ip", "userAgent", "createdAfter", "createdBefore", "impersonated"] as const;
export type SessionFilterKey = (typeof sessionFilterKeys)[number];
