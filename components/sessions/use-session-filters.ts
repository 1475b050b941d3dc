"use client";
import { useQueryStates } from "nuqs";
import { sessionListSchema } from "@/lib/sessions/search-params";
import { urlParsers } from "@/lib/url-state";
import { useTableTransition } from "../data-table/table-transition";

/** The keys of sessionListSchema, read as plain strings: the server validates (a bad IP shows its message), so the two never disagree. */
export function useSessionFilters() {
  const { startTransition } = useTableTransition();
  return useQueryStates(
    urlParsers(sessionListSchema),
    { shallow: false, startTransition },
  );
}
