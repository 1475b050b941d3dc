import type { Reason } from "@/lib/spam/types";
import { formatPoints } from "./spam-format";

/**
 * Why an account scored what it did: each reason with its points, suspicion (+) and trust (−) told
 * apart by sign and colour. `limit` keeps table rows short; the rest is counted, never hidden silently.
 */
export function ReasonList({ reasons, limit }: { reasons: readonly Reason[]; limit?: number }) {
  if (reasons.length === 0) return <span className="text-muted-foreground">No reasons recorded</span>;
  const shown = limit ? reasons.slice(0, limit) : reasons;
  const more = reasons.length - shown.length;
  return (
    <ul className="m-0 flex list-none flex-col gap-[3px] p-0 text-[13px] [&_li]:grid [&_li]:grid-cols-[3.2em_1fr] [&_li]:items-baseline [&_li]:gap-1.5">
      {shown.map((r) => (
        <li key={r.code} title={r.code}>
          <span className={`text-right font-semibold tabular-nums ${r.points < 0 ? "text-success-fg" : "text-danger-fg"}`}>{formatPoints(r.points)}</span>
          <span>{r.text}</span>
        </li>
      ))}
      {more > 0 ? <li className="text-muted-foreground">and {more} more</li> : null}
    </ul>
  );
}
