import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { ScoringFallback } from "@/components/spam/scoring-fallback";
import { SpamOverview } from "@/components/spam/spam-overview";
import { revokeNotes } from "@/components/moderation/revoke-notes";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/staff";
import { getConfig } from "@/lib/config";
import { getReadDatabase } from "@/lib/db";
import { toRecord } from "@/lib/params";
import { getSpamResult } from "@/lib/spam/cache";
import { pageWindow } from "@/lib/spam/search-params";
import { queueActions } from "@/lib/modules";

export const metadata = { title: "Spam · Better Auth Admin" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The spam review queue: signals, waves and flagged accounts of the cached result. `?refresh=1`
 * ("Recompute") scores again first, then drops the key, so a reload or a shared link does not
 * start another full scoring.
 */
export default async function SpamPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff("spam.review");
  const [raw, d] = await Promise.all([searchParams, getReadDatabase(await headers())]);
  const record = toRecord(raw);
  if (record.refresh) {
    await getSpamResult(d, { refresh: true, sinceDays: pageWindow(record).sinceDays });
    const next = new URLSearchParams(record);
    next.delete("refresh");
    // A cursor points into the old result's order: the fresh one starts on its first page.
    next.delete("cursor");
    redirect(next.size ? `/spam?${next.toString()}` : "/spam");
  }
  // ticked rows: the first queue action of a module that is on (a ban, say) this role may take
  const act = queueActions(d.caps.modules).find((a) => can(staff.role, a.permission as Permission));
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Suspense fallback={<ScoringFallback header={<h1>Spam</h1>} />}>
        <SpamOverview
          q={d}
          params={record}
          canClear={d.caps.audit}
          selectionAction={act ? { verb: act.verb, label: act.label, notes: revokeNotes(getConfig()) } : null}
          now={new Date()}
        />
      </Suspense>
    </div>
  );
}
