import * as z from "zod";
import { badRequest } from "../errors";
import { boolParam, isoDate, limitParam, optionalText, parseParams } from "../params";

export { toRecord } from "../params";
import { knownKeys } from "../known-params";

/**
 * The users table's URL state, described once: the page, the API and the client all read it here.
 * Every key maps to SQL only through the whitelists below.
 */
export const userSortKeys = ["-createdAt", "createdAt", "email", "-email", "name", "-name", "-lastActiveAt"] as const;
export type UserSort = (typeof userSortKeys)[number];
export const userStatuses = ["active", "banned", "expired"] as const;
export type UserStatus = (typeof userStatuses)[number];
export { PAGE_SIZES as pageSizes } from "../url-state";

/** Strict: an unknown or misspelled key (`emial`) is a 400, never silently "no filter". */
export const userListSchema = z.strictObject({
  q: optionalText(200),
  role: optionalText(100),
  status: z.enum(userStatuses, { error: `must be one of ${userStatuses.join(", ")}` }).optional(),
  verified: boolParam.optional(),
  provider: optionalText(100),
  createdAfter: isoDate,
  createdBefore: isoDate,
  sort: z.enum(userSortKeys, { error: `must be one of ${userSortKeys.join(", ")}` }).default("-createdAt"),
  limit: limitParam(25),
  cursor: optionalText(500),
});
export type UserListParams = z.output<typeof userListSchema>;
/** The filter keys: the schema's keys but the table's own (sort, page size, cursor). */
export const userFilterKeys = ["q", "role", "status", "verified", "provider", "createdAfter", "createdBefore"] as const satisfies readonly Exclude<keyof UserListParams, "sort" | "limit" | "cursor">[];
export type UserFilterKey = (typeof userFilterKeys)[number];
export type UserFilters = Omit<UserListParams, "sort" | "limit" | "cursor">;

/**
 * Strict parse: the API answers 400 with the first problem, naming the parameter, unknown keys
 * included. Pages pass `ignoreUnknown` so a shared link with tracking parameters still opens.
 */
export function parseUserListParams(input: URLSearchParams | Record<string, string | string[] | undefined>, opts: { ignoreUnknown?: boolean } = {}): UserListParams {
  const params = parseParams(userListSchema, opts.ignoreUnknown ? knownKeys(userListSchema, input) : input);
  if (params.createdAfter && params.createdBefore && params.createdAfter >= params.createdBefore) {
    throw badRequest("createdAfter must be earlier than createdBefore");
  }
  return params;
}

/** `verified=false` is a filter; an empty text is not. */
export const hasFilters = (p: UserFilters) => userFilterKeys.some((k) => (k === "verified" ? p[k] !== undefined : Boolean(p[k])));
