import { Badge } from "../ui/badge";
import { type Band, bandLabels, bandTones } from "./spam-format";

/**
 * A score (0–100) with its band written out, so the meaning does not depend on colour. No band
 * (below the review threshold) shows the number alone.
 */
export function ScoreBadge({ score, band, title }: { score: number; band: Band; title?: string }) {
  return (
    <span className="score-cell" title={title}>
      <span className={`score score-${band ?? "low"}`}>{score}</span>
      {band ? <Badge tone={bandTones[band]}>{bandLabels[band]}</Badge> : null}
    </span>
  );
}
