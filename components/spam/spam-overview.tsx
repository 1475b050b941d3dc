import { buttonVariants } from "@/components/ui/button";
import Link from "next/link";
import type { Q } from "@/lib/db/context";
import { AppError } from "@/lib/errors";
import { enabledReviewExits } from "@/lib/modules";
import { getSpamResult } from "@/lib/spam/cache";
import { listSpamAccounts, reconcileWaves } from "@/lib/spam/queries";
import { pageWindow, parseSpamAccountsParams } from "@/lib/spam/search-params";
import { getUsersByIds } from "@/lib/users/queries";
import { TableTransitionProvider } from "../data-table/table-transition";
import { plural } from "../moderation/result-text";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { AuditMissingNote } from "./audit-missing-note";
import { BandLinks } from "./band-links";
import { SignalsPanel } from "./signals-panel";
import { reviewStates, toSpamAccountItems } from "./spam-account-item";
import { SpamAccountsTable } from "./spam-accounts-table";
import { decidedWords, windowOf } from "./spam-format";
import { SpamHeader } from "./spam-header";
import { WindowLinks } from "./window-links";
import { WAVE_SAMPLE_SHOWN, WavesTable } from "./waves-table";

interface Props {
  q: Q;
  /** the URL's keys (minScore, limit, cursor) */
  params: Record<string, string>;
  canClear: boolean;
  /** what ticked rows are for: a module's queue action this role may take; null: no checkboxes */
  selectionAction: { verb: string; label: string; notes: RevokeNotes } | null;
  now: Date;
}

/**
 * The review page's body, rendered inside <Suspense>: the first view after a few quiet minutes waits
 * for a scoring run, every other view reads the cached result. One user look-up serves both the
 * waves' sample emails and the queue's page.
 */
export async function SpamOverview({ q, params, canClear, selectionAction, now }: Props) {
  const { result, ageMs } = await getSpamResult(q, { sinceDays: pageWindow(params).sinceDays });
  const window = windowOf(result);
  const recompute = new URLSearchParams({ ...pick(params, ["minScore", "limit", "since"]), refresh: "1" });
  const header = <SpamHeader result={result} ageMs={ageMs} now={now} recomputeHref={`/spam?${recompute.toString()}`} />;
  let page: Awaited<ReturnType<typeof listSpamAccounts>>;
  let minScore: number;
  try {
    const p = parseSpamAccountsParams(params, { ignoreUnknown: true });
    minScore = p.minScore ?? result.thresholds.review;
    page = await listSpamAccounts(q, result, { ...p, minScore });
  } catch (err) {
    if (!(err instanceof AppError && err.code === "invalid_request")) throw err;
    return (
      <>
        {header}
        <div role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
          <p>
            <strong>This view cannot be shown:</strong> {err.message}
          </p>
          <Link href="/spam" className={buttonVariants({ variant: "outline", size: "xs" })}>
            Back to the queue
          </Link>
        </div>
      </>
    );
  }
  // Handled waves (nobody left) leave the list: the queue empties as moderators work. Their pages
  // stay reachable (a shared link says the wave is handled) until a recomputation drops them.
  await reconcileWaves(q, result);
  const openWaves = result.waves.filter((w) => w.left > 0);
  const handled = result.waves.length - openWaves.length;
  const sampleIds = openWaves.flatMap((w) => w.sampleUserIds.slice(0, WAVE_SAMPLE_SHOWN));
  const users = await getUsersByIds(q, [...sampleIds, ...page.data.map((a) => a.userId)]);
  const members = new Map([...users].map(([id, u]) => [id, { email: u.email, out: reviewStates(q.caps.modules, u, now) }]));
  // what takes an account out of the queue, in words: the modules' states that are on, and "not spam"
  const done = enabledReviewExits(q.caps.modules).map((e) => e.done);
  const leave = [...done, "cleared"].join(" and ");

  return (
    <>
      {header}
      <WindowLinks current={window} params={params} />
      <SignalsPanel signals={result.signals} />
      <section className="flex flex-col gap-3.5" aria-labelledby="waves-title">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="waves-title">Waves</h2>
          <span className="text-sm text-muted-foreground">
            {plural(openWaves.length, "group")} of flagged sign-ups that share something, largest first
            {handled ? ` (${plural(handled, "handled wave")} hidden)` : ""}
          </span>
        </div>
        {openWaves.length === 0 && handled > 0 ? (
          <p className="rounded-md border bg-muted/50 px-4 py-3 text-sm" data-testid="waves-handled">
            Every wave is handled: all their members are {decidedWords(done)}.
          </p>
        ) : (
          <WavesTable waves={openWaves} members={members} now={now} window={window} decided={decidedWords(done, "cleared")} />
        )}
      </section>
      <section className="flex flex-col gap-3.5" aria-labelledby="queue-title">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="queue-title">Flagged accounts</h2>
          <span className="text-sm text-muted-foreground">
            Highest score first. {leave.charAt(0).toUpperCase() + leave.slice(1)} accounts leave at once
          </span>
        </div>
        <BandLinks thresholds={result.thresholds} minScore={minScore} since={params.since} />
        {canClear ? null : <AuditMissingNote />}
        <TableTransitionProvider>
          <SpamAccountsTable rows={toSpamAccountItems(page.data, users, result, ageMs, now)} nextCursor={page.nextCursor} canClear={canClear} selectionAction={selectionAction} />
        </TableTransitionProvider>
      </section>
    </>
  );
}

function pick(record: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((k) => (record[k] ? [[k, record[k]]] : [])));
}
