"use client";
import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { useTableTransition } from "./table-transition";

/**
 * The table shell's own URL keys: `sort`, `limit`, the keyset `cursor` and the way back (`back`, `page`). shallow:false makes
 * every change re-render the server page, which is where the rows come from. Defaults are dropped
 * from the URL (nuqs clearOnDefault) so links stay short.
 */
export function useTableUrl(defaultSort: string, defaultPageSize: number) {
  const { startTransition } = useTableTransition();
  return useQueryStates(
    {
      sort: parseAsString.withDefault(defaultSort),
      limit: parseAsInteger.withDefault(defaultPageSize),
      cursor: parseAsString,
      // Going back (page-stack.ts): client-side state the server ignores (pages drop unknown keys).
      back: parseAsString,
      page: parseAsInteger,
    },
    { shallow: false, startTransition },
  );
}
