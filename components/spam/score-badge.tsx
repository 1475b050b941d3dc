import { Badge } from "../ui/badge";
import { type Band, bandLabels, bandTones } from "./spam-format";

const bandColours = { likely: "text-danger-fg", review: "text-warning-fg", low: "text-muted-foreground" } as const;

/**
 * A score (0–100) with its band written out, so the meaning does not depend on colour. No band
 * (below the review threshold) shows the number alone.
 */
export function ScoreBadge({ score, band, title }: { score: number; band: Band; title?: string }) {
  return (
    <span className="inline-flex items-center gap-1.5" title={title}>
      {/* "score" names the number for the browser tests (no CSS of its own). */}
      <span className={`score min-w-[2.2em] text-right font-semibold tabular-nums ${bandColours[band ?? "low"]}`}>{score}</span>
      {band ? <Badge tone={bandTones[band]}>{bandLabels[band]}</Badge> : null}
    </span>
  );
}
