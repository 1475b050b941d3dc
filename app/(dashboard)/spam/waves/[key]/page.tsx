import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { WaveDetail } from "@/components/spam/wave-detail";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/staff";
import { getReadDatabase } from "@/lib/db";
import { toRecord } from "@/lib/params";
import { getSpamResult } from "@/lib/spam/cache";
import { findWave, reconcileWave } from "@/lib/spam/queries";
import { pageWindow } from "@/lib/spam/search-params";
import { waveActions } from "@/lib/modules";

export const metadata = { title: "Spam wave · Better Auth Admin" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * One wave of flagged sign-ups: its members, their timeline, and the decisions on it (the modules'
 * and "not spam"). The
 * wave is looked up before anything is sent (no Suspense, no loading.tsx above this segment), so a
 * wave that no longer exists answers a real 404, inside the layout (./not-found.tsx). On a cold
 * cache the navigation waits for the scoring; the queue's link is the usual way in, and it warms it.
 */
export default async function WavePage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff("spam.review");
  const [{ key }, raw, d] = await Promise.all([params, searchParams, getReadDatabase(await headers())]);
  const record = toRecord(raw);
  // A wave belongs to one scored window's result; links from another window than the default carry it.
  const { result, ageMs } = await getSpamResult(d, { sinceDays: pageWindow(record).sinceDays });
  const wave = findWave(result, key);
  if (!wave) notFound();
  await reconcileWave(d, result, wave.key);
  // ?page= is a plain 1-based number over an in-memory list; anything else means the first page.
  const page = Number.parseInt(record.page ?? "1", 10) || 1;
  // the modules' decisions on a wave (e.g. a ban), for roles allowed them; "not spam" is the core's
  const actions = waveActions(d.caps.modules).filter((a) => can(staff.role, a.permission as Permission));
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <WaveDetail
        q={d}
        result={result}
        ageMs={ageMs}
        wave={wave}
        page={page}
        actions={actions}
        role={staff.role}
        canClear={d.caps.audit}
        now={new Date()}
      />
    </div>
  );
}
