import Link from "next/link";
import type { Q } from "@/lib/db/context";
import { getSpamResult, peekSpamResult } from "@/lib/spam/cache";
import { bandOf, clearedUserIds, getWave, scoreOf } from "@/lib/spam/queries";
import { formatDateTime } from "../ui/format";
import { NotSpamButton } from "./not-spam-button";
import { scoredAgo, waveHref, windowDays, windowOf } from "./spam-format";
import { SpamScore } from "./spam-score";
import { spamScoreData, zeroScore } from "./spam-score-data";
import { UndoNotSpamButton } from "./undo-not-spam-button";
import { DEFAULT_SINCE_DAYS } from "@/lib/spam/engine";
import { panelClass } from "@/components/ui/panel";

/**
 * The engine's default window (SpamOptions.sinceDays). Used only to skip starting a scoring run for a
 * user who is certainly outside it; when a result exists, its own window decides.
 */
const DAY = 86_400_000;

interface Props {
  q: Q;
  user: { id: string; email: string; createdAt: Date };
  /** the audit table exists, so "Not spam" can be remembered */
  canClear: boolean;
  now: Date;
}

/** The user page's "Spam score" (moderators and admins), inside <Suspense>: it may wait for a scoring. */
export async function SpamScorePanel({ q, user, canClear, now }: Props) {
  const peek = peekSpamResult(q);
  if (!peek && user.createdAt.getTime() < now.getTime() - (DEFAULT_SINCE_DAYS + 1) * DAY) return <NotScored days={DEFAULT_SINCE_DAYS} />;
  const { result, ageMs } = peek ?? (await getSpamResult(q));
  if (result.window.since && user.createdAt < result.window.since) return <NotScored days={windowDays(result.window, result.computedAt) ?? DEFAULT_SINCE_DAYS} />;
  if (user.createdAt > result.computedAt) return <Panel note={`Not scored yet: signed up after the last scoring (${scoredAgo(ageMs, now)}).`} />;

  const acc = scoreOf(result, user.id);
  const band = bandOf(result, acc?.score ?? 0);
  const clearedAt = acc?.clearedAt ?? (await clearedUserIds(q, [user.id])).get(user.id) ?? null;
  const cleared = clearedAt && clearedAt >= user.createdAt ? clearedAt : null;
  const wave = acc?.waveKey ? getWave(result, acc.waveKey) : null;
  return (
    <section className={panelClass} aria-labelledby="spam-title" data-testid="spam-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="spam-title">Spam score</h2>
        <span className="text-sm text-muted-foreground">
          of 100 · review from {result.thresholds.review}, likely spam from {result.thresholds.likely}
        </span>
      </div>
      <SpamScore value={spamScoreData(result, ageMs, now, user.id) ?? zeroScore(ageMs, now)} />
      {cleared ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="rounded-md border border-l-4 border-success-fg/30 border-l-success-fg bg-success-bg px-3.5 py-3 text-success-fg">Marked as not spam on {formatDateTime(cleared)}: this account is not flagged again.</p>
          {canClear && band ? <UndoNotSpamButton userId={user.id} email={user.email} /> : null}
        </div>
      ) : null}
      {wave ? (
        <p>
          Part of the wave <Link href={waveHref(wave.key, windowOf(result))}>{wave.label}</Link> ({wave.size} accounts, {wave.left} left to review).
        </p>
      ) : null}
      {band && !cleared ? (
        canClear ? (
          <div className="mt-3 flex flex-wrap gap-2">
            <NotSpamButton userId={user.id} email={user.email} />
          </div>
        ) : (
          <p className="text-muted-foreground">
            “Not spam” cannot be remembered without the audit table (<code>npm run audit:install</code>).
          </p>
        )
      ) : null}
    </section>
  );
}

function NotScored({ days }: { days: number }) {
  return <Panel note={`Not scored: signed up before the last ${days} days. The spam score looks at recent sign-ups only.`} />;
}

function Panel({ note }: { note: string }) {
  return (
    <section className={panelClass} aria-labelledby="spam-title" data-testid="spam-panel">
      <h2 id="spam-title">Spam score</h2>
      <p className="text-muted-foreground">{note}</p>
    </section>
  );
}
