"use client";
import { parseAsString, useQueryStates } from "nuqs";
import { useTableTransition } from "../data-table/table-transition";

/** Read as plain strings: the server validates (a bad IP shows its message), so the two never disagree. */
export function useSessionFilters() {
  const { startTransition } = useTableTransition();
  return useQueryStates(
    {
      user: parseAsString,
      ip: parseAsString,
      userAgent: parseAsString,
      createdAfter: parseAsString,
      createdBefore: parseAsString,
      impersonated: parseAsString,
      limit: parseAsString,
      cursor: parseAsString,
    },
    { shallow: false, startTransition },
  );
}
