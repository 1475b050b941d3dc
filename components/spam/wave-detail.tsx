import Link from "next/link";
import { Suspense } from "react";
import type { StaffRole } from "@/lib/auth/roles";
import type { Q } from "@/lib/db/context";
import { enabledReviewExits, type WaveAction, type WaveActionProps } from "@/lib/modules";
import { clearedUserIds, openWaveMembers, scoreOf, waveMembers } from "@/lib/spam/queries";
import type { SpamResult, Wave } from "@/lib/spam/types";
import { getUsersByIds } from "@/lib/users/queries";
import { Badge } from "../ui/badge";
import { timeValue } from "../ui/format";
import { AuditMissingNote } from "./audit-missing-note";
import { reviewStates } from "./spam-account-item";
import { decidedWords, queueHref, scoredAgo, waveHref, waveKindLabels, windowOf } from "./spam-format";
import { spamScoreData, zeroScore } from "./spam-score-data";
import { WaveActions } from "./wave-actions";
import { WaveMembersTable } from "./wave-members-table";
import { WaveSummary } from "./wave-summary";
import { WaveTimeline } from "./wave-timeline";

export const WAVE_PAGE_SIZE = 100;
/** Members listed with a checkbox in a wave action's dialog; beyond it they are included without one. */
const CHECKLIST_MAX = 1000;

const isClearedAfter = (at: Date | undefined, createdAt: Date | undefined) => Boolean(at && createdAt && at >= createdAt);

interface Props {
  q: Q;
  /** the cached result and the wave in it (the page looked it up, to answer 404 before streaming) */
  result: SpamResult;
  ageMs: number;
  wave: Wave;
  page: number;
  /** the modules' decisions on a wave this role may take (their ReviewExit's `waveAction`) */
  actions: readonly WaveAction[];
  role: StaffRole;
  canClear: boolean;
  now: Date;
}

/**
 * The wave page's body. Members who are out of review (a module's state, e.g. a ban) or cleared stay
 * listed with their status; the actions act on the others only, and a wave with nobody left says so
 * and offers none.
 */
export async function WaveDetail({ q, result, ageMs, wave, page: requested, actions, role, canClear, now }: Props) {
  const on = q.caps.modules;
  const ids = waveMembers(result, wave.key);
  const pageCount = Math.max(1, Math.ceil(ids.length / WAVE_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pageCount);
  const pageIds = ids.slice((page - 1) * WAVE_PAGE_SIZE, page * WAVE_PAGE_SIZE);
  const [users, cleared] = await Promise.all([getUsersByIds(q, [...new Set([...ids.slice(0, CHECKLIST_MAX), ...pageIds])]), clearedUserIds(q, pageIds)]);

  const members = pageIds.map((id) => {
    const acc = scoreOf(result, id);
    const u = users.get(id);
    return {
      id, email: u?.email ?? null, name: u?.name ?? "", spam: spamScoreData(result, ageMs, now, id) ?? zeroScore(ageMs, now),
      createdAt: acc ? timeValue(acc.createdAt, now) : null, out: u ? reviewStates(on, u, now) : [],
      // a clearance counts only when made after the sign-up (lib/spam/queries.ts does the same)
      cleared: Boolean(acc?.clearedAt) || isClearedAfter(cleared.get(id), acc?.createdAt),
    };
  });
  // The decisions act on the members still open: those out of review and cleared ones are done.
  const open = openWaveMembers(result, wave.key);
  const checklist = open.slice(0, CHECKLIST_MAX).flatMap((id) => {
    const u = users.get(id);
    return u ? [{ id, email: u.email, score: scoreOf(result, id)?.score ?? 0, out: reviewStates(on, u, now) }] : [];
  });
  const times = ids.flatMap((id) => {
    const acc = scoreOf(result, id);
    return acc ? [acc.createdAt.getTime()] : [];
  });

  return (
    <>
      <nav aria-label="Breadcrumb" className="text-[13px] text-muted-foreground">
        <Link href={queueHref(windowOf(result))}>Spam</Link> <span aria-hidden="true">/</span> <span aria-current="page">Wave</span>
      </nav>
      <header className="page-header flex flex-wrap items-baseline gap-3">
        <h1 className="wrap-anywhere">{wave.label}</h1>
        <Badge>{waveKindLabels[wave.kind]}</Badge>
        <span className="count text-muted-foreground tabular-nums">Scored {scoredAgo(ageMs, now)}</span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {open.length ? (
            <WaveActions
              label={wave.label}
              memberIds={open}
              canClear={canClear}
              moduleActions={actions.map((a) => (
                <Suspense key={a.id} fallback={null}>
                  <ModuleWaveAction action={a} label={wave.label} memberIds={open} checklist={checklist} role={role} now={now} />
                </Suspense>
              ))}
            />
          ) : null}
        </div>
      </header>
      {open.length === 0 ? (
        <p role="status" data-testid="wave-handled" className="rounded-md border bg-muted/50 px-4 py-3 text-sm">
          <strong>Nobody left to review in this wave.</strong> All {ids.length} members are {decidedWords(enabledReviewExits(on).map((e) => e.done))}; it leaves the list of
          waves, and this page answers “not found” after the next scoring. <Link href={queueHref(windowOf(result))} className="underline underline-offset-4">Back to the queue</Link>
        </p>
      ) : (
        <p className="text-sm text-muted-foreground" data-testid="wave-left">
          {open.length} of {ids.length} members left to review.
        </p>
      )}
      {canClear ? null : <AuditMissingNote />}
      <div className="grid grid-cols-[repeat(auto-fit,minmax(min(360px,100%),1fr))] items-start gap-4">
        <WaveSummary wave={wave} members={ids.length} now={now} />
        <WaveTimeline times={times} />
      </div>
      <section className="flex flex-col gap-3.5" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <WaveMembersTable members={members} page={page} pageCount={pageCount} total={ids.length} pageSize={WAVE_PAGE_SIZE} href={waveHref(wave.key, windowOf(result))} />
      </section>
    </>
  );
}

/** Loads a module's decision on a wave (its server component, imported on demand) and renders it. */
async function ModuleWaveAction({ action, ...props }: WaveActionProps & { action: WaveAction }) {
  const { default: Action } = await action.load();
  return <Action {...props} />;
}
