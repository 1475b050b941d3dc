import * as z from "zod";
import type { Capabilities } from "../db/introspect";
import { badRequest } from "../errors";
import { knownKeys } from "../known-params";
import { enabledListFilters, listFilters, type ModuleFilterKey } from "../modules";
import { EXPORT_PAGE, parseParams } from "../params";
import { coreUserFilterKeys, hasFiltersIn, type UserFilters, type UserListParams, userListCoreShape } from "./search-params";

export { toRecord } from "../params";
export type { UserFilterKey, UserFilters, UserListParams } from "./search-params";

/** Each module filter's fragment: exactly its options' values (a closed enum, so a typo is a 400). */
const moduleShape = Object.fromEntries(
  listFilters.map((f) => {
    const values = f.options.map((o) => o.value) as [string, ...string[]];
    return [f.key, z.enum(values, { error: `must be one of ${values.join(", ")}` }).optional()];
  }),
) as { [K in ModuleFilterKey]: z.ZodOptional<z.ZodEnum<Record<string, string>>> };

/**
 * The users list's URL, as the server reads it: one strict zod schema of the core's keys and every
 * registered module's filter keys. Strict: an unknown or misspelled key (`emial`) is a 400, never
 * silently "no filter".
 */
export const userListSchema = z.strictObject({ ...userListCoreShape, ...moduleShape });

/** Every filter key: the core's and the modules'. */
export const userFilterKeys: readonly (keyof UserFilters & string)[] = [...coreUserFilterKeys, ...listFilters.map((f) => f.key as ModuleFilterKey)];

/**
 * Strict parse: the API answers 400 with the first problem, naming the parameter, unknown keys
 * included. Pages pass `ignoreUnknown` so a shared link with tracking parameters still opens.
 */
export function parseUserListParams(input: URLSearchParams | Record<string, string | string[] | undefined>, opts: { ignoreUnknown?: boolean } = {}): UserListParams {
  const params: UserListParams = parseParams(userListSchema, opts.ignoreUnknown ? knownKeys(userListSchema, input) : input);
  if (params.createdAfter && params.createdBefore && params.createdAfter >= params.createdBefore) {
    throw badRequest("createdAfter must be earlier than createdBefore");
  }
  return params;
}

/**
 * The export's parameters: the list's filters and sort, without the page (`limit`, `cursor`), which
 * an export walks itself. Strict like the list: `limit` or a misspelled filter is a 400, never a
 * file of everyone.
 */
export const userExportSchema = userListSchema.omit({ limit: true, cursor: true });

export function parseUserExportParams(input: URLSearchParams | Record<string, string | string[] | undefined>): UserListParams {
  const params: Omit<UserListParams, "limit"> = parseParams(userExportSchema, input);
  if (params.createdAfter && params.createdBefore && params.createdAfter >= params.createdBefore) {
    throw badRequest("createdAfter must be earlier than createdBefore");
  }
  return { ...params, limit: EXPORT_PAGE };
}

/** `verified=false` is a filter; an empty text is not. */
export const hasFilters = (p: UserFilters) => hasFiltersIn(userFilterKeys, p);

/** The filters that apply here: a module filter whose module is off is no filter (and no condition). */
export function effectiveFilters(caps: Pick<Capabilities, "modules">, f: UserFilters): UserFilters {
  const off = listFilters.filter((lf) => !caps.modules.has(lf.module)).map((lf) => lf.key);
  return off.length ? (Object.fromEntries(Object.entries(f).filter(([k]) => !off.includes(k))) as UserFilters) : f;
}

/** What the browser needs to render the module filters that are on: keys, labels, options; no SQL. */
export const listFilterViews = (caps: Pick<Capabilities, "modules">) => enabledListFilters(caps.modules).map(({ key, label, options }) => ({ key, label, options }));
