"use client";
import { parseAsString, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { userListCoreSchema } from "@/lib/users/search-params";
import { urlParsers } from "@/lib/url-state";
import { useTableTransition } from "../data-table/table-transition";

/**
 * The users toolbar's URL keys (those of userListSchema), read as plain strings: the server validates them (a bad value shows
 * its message instead of the table), so the client never disagrees with it. `sort`/`limit` are read for
 * "Clear filters", and `cursor` only to be cleared: a new filter starts on the first page. `flagged`
 * switches the page to the spam queue in the users table's columns (moderators and admins).
 */
export const userFilterParsers = {
  ...urlParsers(userListCoreSchema),
  /** the spam-flagged view (page-level key, not part of lib/users/search-params.ts) */
  flagged: parseAsString,
};

type Parsers = typeof userFilterParsers & Record<string, typeof parseAsString>;

/**
 * `moduleKeys`: the URL keys of the modules' filters that are on (from the page, which reads them
 * from lib/modules; the registry itself never reaches the browser). Same strings-only parsing.
 */
export function useUserFilters(moduleKeys: readonly string[] = []) {
  const { startTransition } = useTableTransition();
  const joined = moduleKeys.join(",");
  const parsers = useMemo<Parsers>(
    () => ({ ...userFilterParsers, ...Object.fromEntries(joined.split(",").filter(Boolean).map((k) => [k, parseAsString])) }),
    [joined],
  );
  return useQueryStates(parsers, { shallow: false, startTransition });
}
