import type { Reason } from "@/lib/spam/types";
import { cn } from "@/lib/ui/cn";
import { ScoreBadge } from "./score-badge";
import type { SpamScoreData } from "./spam-score-data";
import { formatPoints } from "./spam-format";

interface Props {
  value: SpamScoreData;
  /** reasons shown open; the rest fold under "N more reasons" (0: all folded; undefined: all open) */
  top?: number;
  className?: string;
}

/**
 * A spam score with its age and its reasons: the one component the queue, a wave's page, the users
 * list and the user page all show, from the same cache entry (components/spam/spam-score-data.ts),
 * so an account never reads 71 on one page and 64 on another. No client JavaScript: the fold is a
 * <details>.
 */
export function SpamScore({ value, top, className }: Props) {
  const open = top === undefined ? value.reasons : value.reasons.slice(0, top);
  const folded = value.reasons.slice(open.length);
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)} data-testid="spam-score">
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <ScoreBadge score={value.score} band={value.band} />
        <span className="text-xs whitespace-nowrap text-muted-foreground">scored {value.scored}</span>
      </span>
      {value.reasons.length === 0 ? <span className="text-xs text-muted-foreground">Nothing suspicious (or trustworthy) was found.</span> : null}
      {open.length ? <Reasons reasons={open} /> : null}
      {folded.length ? (
        <details className="group text-sm">
          <summary className="cursor-pointer text-xs text-muted-foreground select-none hover:text-foreground">
            {open.length ? `${folded.length} more reason${folded.length === 1 ? "" : "s"}` : `${folded.length} reason${folded.length === 1 ? "" : "s"}`}
          </summary>
          <Reasons reasons={folded} className="mt-1" />
        </details>
      ) : null}
    </div>
  );
}

/** Suspicion (+) and trust (−) told apart by sign and colour, the signal id as the tooltip. */
function Reasons({ reasons, className }: { reasons: readonly Reason[]; className?: string }) {
  return (
    <ul className={cn("flex flex-col gap-0.5 text-sm", className)}>
      {reasons.map((r) => (
        <li key={r.code} title={r.code} className="flex gap-2 leading-snug">
          <span className={cn("w-8 shrink-0 text-right font-mono text-xs leading-5 tabular-nums", r.points < 0 ? "text-success-fg" : "text-danger-fg")}>
            {formatPoints(r.points)}
          </span>
          <span className="min-w-0">{r.text}</span>
        </li>
      ))}
    </ul>
  );
}
