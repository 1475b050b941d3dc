import { headers } from "next/headers";
import { Suspense } from "react";
import { revokeNotes } from "@/components/moderation/revoke-notes";
import { ScoringFallback } from "@/components/spam/scoring-fallback";
import { WaveDetail } from "@/components/spam/wave-detail";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/staff";
import { getConfig } from "@/lib/config";
import { getReadDatabase } from "@/lib/db";
import { toRecord } from "@/lib/params";

export const metadata = { title: "Spam wave · Better Auth Admin" };

type SearchParams = Record<string, string | string[] | undefined>;

/** One wave of flagged sign-ups: its members, their timeline, and the ban / not-spam decisions. */
export default async function WavePage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff("spam.review");
  const [{ key }, raw, d] = await Promise.all([params, searchParams, getReadDatabase(await headers())]);
  // ?page= is a plain 1-based number over an in-memory list; anything else means the first page.
  const page = Number.parseInt(toRecord(raw).page ?? "1", 10) || 1;
  const bansTracked = d.caps.features.has("bans");
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Suspense fallback={<ScoringFallback header={<h1>Spam wave</h1>} />}>
        <WaveDetail
          q={d}
          waveKey={key}
          page={page}
          ban={bansTracked && can(staff.role, "users.bulk") ? { notes: revokeNotes(getConfig()) } : null}
          canClear={d.caps.audit}
          now={new Date()}
        />
      </Suspense>
    </div>
  );
}
