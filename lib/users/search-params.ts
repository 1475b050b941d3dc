import * as z from "zod";
import type { ModuleFilterKey } from "../modules";
import { boolParam, isoDate, limitParam, optionalText } from "../params";

export { toRecord } from "../params";

/**
 * The users table's URL state: the core's keys, described once here. The modules' filters (e.g. the
 * admin plugin's ban status) are added by lib/users/list-params.ts, the server's full schema; this
 * file stays free of the module registry because the browser imports it (nuqs parsers, defaults)
 * and receives the modules' filter keys from the page instead. Every key maps to SQL only through
 * the whitelists here and in the modules' `listFilters`.
 */
/** `lastActiveAt`: least recently active first (never active first of all): the dormant accounts. */
export const userSortKeys = ["-createdAt", "createdAt", "email", "-email", "name", "-name", "-lastActiveAt", "lastActiveAt"] as const;
export type UserSort = (typeof userSortKeys)[number];
export { PAGE_SIZES as pageSizes } from "../url-state";

export const userListCoreShape = {
  q: optionalText(200),
  role: optionalText(100),
  verified: boolParam.optional(),
  /** a sign-in method by id or by what the table shows ("GitHub"): see sign-in-methods.ts */
  provider: optionalText(100),
  createdAfter: isoDate,
  createdBefore: isoDate,
  /** dormant: no session activity at or after this date (never-active users included) */
  lastActiveBefore: isoDate,
  /** active: session activity at or after this date (the overview's "active in 7 days" links here) */
  activeSince: isoDate,
  /** true: no session at all; false: at least one */
  neverActive: boolParam.optional(),
  sort: z.enum(userSortKeys, { error: `must be one of ${userSortKeys.join(", ")}` }).default("-createdAt"),
  limit: limitParam(25),
  cursor: optionalText(500),
};
/** The core keys alone (strict): the browser's parsers and defaults; the server uses list-params.ts. */
export const userListCoreSchema = z.strictObject(userListCoreShape);
type CoreParams = z.output<typeof userListCoreSchema>;
/** The parsed URL: the core's keys and the modules' filter values (whitelisted by their options). */
export type UserListParams = CoreParams & { [K in ModuleFilterKey]?: string };
/** The core's filter keys: the schema's keys but the table's own (sort, page size, cursor). */
export const coreUserFilterKeys = ["q", "role", "verified", "provider", "createdAfter", "createdBefore", "lastActiveBefore", "activeSince", "neverActive"] as const satisfies readonly Exclude<keyof CoreParams, "sort" | "limit" | "cursor">[];
export type UserFilterKey = (typeof coreUserFilterKeys)[number] | ModuleFilterKey;
export type UserFilters = Omit<UserListParams, "sort" | "limit" | "cursor">;

/** `verified=false` is a filter; an empty text is not. */
export const hasFiltersIn = (keys: readonly string[], p: Record<string, unknown>) => keys.some((k) => (k === "verified" || k === "neverActive" ? p[k] !== undefined : Boolean(p[k])));
