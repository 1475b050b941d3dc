import { cache } from "react";
import type { Q } from "@/lib/db/context";
import { countUsers } from "@/lib/users/count";
import type { UserFilters } from "@/lib/users/search-params";
import { formatUserCount } from "./format-count";

/**
 * Async server component, rendered inside its own <Suspense>: the count may take up to its timeout
 * and must never hold back the rows, which stream first.
 */
// The header and the pager both show the count: one query per request (same arguments, same objects).
const countOnce = cache(countUsers);

export async function UserCount({ q, filters, now, inline = false }: { q: Q; filters: UserFilters; now: Date; inline?: boolean }) {
  const count = await countOnce(q, filters, now);
  return (
    // inline: the pager's "1–25 of …", without the header's hook class
    <span className={inline ? undefined : "count text-muted-foreground tabular-nums"} title={count.kind === "estimate" ? "Estimated from table statistics" : count.kind === "unknown" ? "Counting took too long" : undefined}>
      {formatUserCount(count)}
    </span>
  );
}
