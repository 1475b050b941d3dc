import { buttonVariants } from "@/components/ui/button";
import Link from "next/link";
import type { SpamResult } from "@/lib/spam/types";
import { formatDate, formatInteger } from "../ui/format";
import { scoredAgo, windowDays } from "./spam-format";

interface Props {
  result: SpamResult;
  ageMs: number;
  now: Date;
  /** where "Recompute" goes: this page with ?refresh=1 (the page recomputes, then drops the key) */
  recomputeHref: string;
}

/**
 * The page title with how old the result is (it is cached for a few minutes per instance) and the
 * thresholds it was banded with: a moderator must know what "likely" means before acting on it.
 */
export function SpamHeader({ result, ageMs, now, recomputeHref }: Props) {
  const days = windowDays(result.window, result.computedAt);
  const { thresholds, stats } = result;
  return (
    <>
      <header className="page-header flex flex-wrap items-baseline gap-3">
        <h1>Spam</h1>
        <span className="count text-muted-foreground tabular-nums" data-testid="spam-age">
          Scored {scoredAgo(ageMs, now)} · {formatInteger(stats.scored)} sign-ups {days ? `of the last ${days} days` : "(everyone)"}
          {result.window.since ? ` (since ${formatDate(result.window.since)})` : ""} · {(stats.ms.total / 1000).toFixed(1)} s
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {/* No prefetch: following this link recomputes the score. */}
          <Link href={recomputeHref} prefetch={false} className={buttonVariants({ variant: "outline", size: "xs" })}>
            Recompute
          </Link>
        </div>
      </header>
      <p className="text-muted-foreground -mt-2">
        Suggestions only: nothing happens to an account until a moderator acts. An account is listed for review from a score of{" "}
        <strong>{thresholds.review}</strong> and marked likely spam from <strong>{thresholds.likely}</strong> (out of 100).
      </p>
    </>
  );
}
