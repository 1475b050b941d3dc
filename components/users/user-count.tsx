import type { Q } from "@/lib/db/context";
import { countUsers } from "@/lib/users/count";
import type { UserFilters } from "@/lib/users/search-params";
import { formatUserCount } from "./format-count";

/**
 * Async server component, rendered inside its own <Suspense>: the count may take up to its timeout
 * and must never hold back the rows, which stream first.
 */
export async function UserCount({ q, filters, now }: { q: Q; filters: UserFilters; now: Date }) {
  const count = await countUsers(q, filters, now);
  return (
    <span className="count text-muted-foreground tabular-nums" title={count.kind === "estimate" ? "Estimated from table statistics" : count.kind === "unknown" ? "Counting took too long" : undefined}>
      {formatUserCount(count)}
    </span>
  );
}
