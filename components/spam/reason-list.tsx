import type { Reason } from "@/lib/spam/types";
import { formatPoints } from "./spam-format";

/**
 * Why an account scored what it did: each reason with its points, suspicion (+) and trust (−) told
 * apart by sign and colour. `limit` keeps table rows short; the rest is counted, never hidden silently.
 */
export function ReasonList({ reasons, limit }: { reasons: readonly Reason[]; limit?: number }) {
  if (reasons.length === 0) return <span className="muted">No reasons recorded</span>;
  const shown = limit ? reasons.slice(0, limit) : reasons;
  const more = reasons.length - shown.length;
  return (
    <ul className="reason-list">
      {shown.map((r) => (
        <li key={r.code} title={r.code}>
          <span className={`points ${r.points < 0 ? "points-trust" : "points-suspicion"}`}>{formatPoints(r.points)}</span>
          <span>{r.text}</span>
        </li>
      ))}
      {more > 0 ? <li className="muted">and {more} more</li> : null}
    </ul>
  );
}
