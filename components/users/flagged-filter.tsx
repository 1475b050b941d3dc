"use client";
import { FacetedFilter } from "../data-table/faceted-filter";
import type { FlaggedBand } from "./flagged-bands";
import { useUserFilters } from "./use-user-filters";

/**
 * "Flagged": the users the spam score flagged, as a view of the users table. It replaces search,
 * filters and sort (the order is the score's), so choosing it drops them from the URL and back.
 */
export function FlaggedFilter({ thresholds, filterKeys }: { thresholds: { review: number; likely: number } | null; filterKeys: readonly string[] }) {
  const [f, setF] = useUserFilters();
  const choose = (value: string | null) => void setF({ flagged: value, cursor: null, sort: null, ...Object.fromEntries(filterKeys.map((k) => [k, null])) });
  const at = (band: FlaggedBand) => (thresholds ? ` (score ≥ ${thresholds[band]})` : "");
  const def = {
    key: "flagged",
    title: "Flagged",
    options: [
      { value: "review", label: `Flagged for review${at("review")}` },
      { value: "likely", label: `Likely spam${at("likely")}` },
    ],
  };
  return <FacetedFilter def={def} value={f.flagged} onChange={choose} />;
}
