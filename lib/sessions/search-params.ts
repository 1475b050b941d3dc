import * as z from "zod";
import { boolParam, isoDate, limitParam, optionalText, parseParams } from "../params";
import { knownKeys } from "../known-params";
import { type IpFilter, parseIpFilter } from "./ip";

/**
 * The sessions table's URL state and the filter of a filtered revoke, described once. Strict: an
 * unknown key is a 400 (a misspelled filter must not widen a revoke to every session).
 */
export const sessionFilterSchema = z.strictObject({
  /** a user's email (exact, case-insensitive) or id */
  user: optionalText(320),
  ip: optionalText(64),
  userAgent: optionalText(200),
  createdAfter: isoDate,
  createdBefore: isoDate,
  impersonated: boolParam.optional(),
});

export const sessionListSchema = sessionFilterSchema.extend({
  limit: limitParam(50),
  cursor: optionalText(500),
});

export type SessionFilterInput = z.output<typeof sessionFilterSchema>;
export type SessionFilter = Omit<SessionFilterInput, "ip"> & { ip?: IpFilter };
export type SessionListParams = SessionFilter & { limit: number; cursor?: string };

export function toSessionFilter(input: SessionFilterInput): SessionFilter {
  const { ip, ...rest } = input;
  return { ...rest, ...(ip ? { ip: parseIpFilter(ip) } : {}) };
}

/** As parseUserListParams: strict for the API; pages may `ignoreUnknown` (tracking parameters). */
export function parseSessionListParams(input: URLSearchParams | Record<string, string | string[] | undefined>, opts: { ignoreUnknown?: boolean } = {}): SessionListParams {
  const { limit, cursor, ...filter } = parseParams(sessionListSchema, opts.ignoreUnknown ? knownKeys(sessionListSchema, input) : input);
  return { ...toSessionFilter(filter), limit, ...(cursor ? { cursor } : {}) };
}

export const hasSessionFilters = (f: SessionFilter) =>
  Boolean(f.user || f.ip || f.userAgent || f.createdAfter || f.createdBefore || f.impersonated !== undefined);

/** The export's parameters: the list's filters, without the page (an export walks every page). */
export function parseSessionExportParams(input: URLSearchParams | Record<string, string | string[] | undefined>, pageSize: number): SessionListParams {
  return { ...toSessionFilter(parseParams(sessionFilterSchema, input)), limit: pageSize };
}
