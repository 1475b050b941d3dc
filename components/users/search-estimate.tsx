import type { Q } from "@/lib/db/context";
import { formatEstimate } from "@/lib/doctor/scan-estimate";
import { unindexedSearchMs } from "@/lib/users/search-estimate";

/**
 * Beside a search that reads every user row (no trigram index): how long one such search takes here,
 * the doctor's 1% sample scaled to the table. Async, in its own <Suspense>: the first estimate costs
 * a sample read and must never hold back the rows. Admins (who can act on it) are told the fix.
 */
export async function SearchEstimate({ q, admin }: { q: Q; admin: boolean }) {
  const ms = await unindexedSearchMs(q);
  return (
    <p className="text-muted-foreground mb-3 text-[13px]" data-testid="index-hint">
      {ms === null ? "This search reads every user row" : `${formatEstimate(ms)} per search`} without the trigram index on email and name
      {admin ? (
        <>
          : <code>npm run doctor</code> shows the index that makes it instant.
        </>
      ) : (
        "."
      )}
    </p>
  );
}
