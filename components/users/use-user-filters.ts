"use client";
import { parseAsString, useQueryStates } from "nuqs";
import { userListSchema } from "@/lib/users/search-params";
import { urlParsers } from "@/lib/url-state";
import { useTableTransition } from "../data-table/table-transition";

/**
 * The users toolbar's URL keys (those of userListSchema), read as plain strings: the server validates them (a bad value shows
 * its message instead of the table), so the client never disagrees with it. `sort`/`limit` are read for
 * "Clear filters", and `cursor` only to be cleared: a new filter starts on the first page. `flagged`
 * switches the page to the spam queue in the users table's columns (moderators and admins).
 */
export const userFilterParsers = {
  ...urlParsers(userListSchema),
  /** the spam-flagged view (page-level key, not part of lib/users/search-params.ts) */
  flagged: parseAsString,
};

export function useUserFilters() {
  const { startTransition } = useTableTransition();
  return useQueryStates(userFilterParsers, { shallow: false, startTransition });
}
