"use client";
import { useId } from "react";
import type { FlaggedBand } from "./flagged-bands";
import { useUserFilters } from "./use-user-filters";
import { userFilterKeys } from "@/lib/users/search-params";

/**
 * "Flagged": the users the spam score flagged, as a view of the users table. It replaces search,
 * filters and sort (the order is the score's), so choosing it drops them from the URL and back.
 */
export function FlaggedFilter({ thresholds }: { thresholds: { review: number; likely: number } | null }) {
  const [f, setF] = useUserFilters();
  const id = useId();
  const choose = (value: string) =>
    void setF({ flagged: value || null, cursor: null, sort: null, ...Object.fromEntries(userFilterKeys.map((k) => [k, null])) });
  const at = (band: FlaggedBand) => (thresholds ? ` (score ≥ ${thresholds[band]})` : "");
  return (
    <div className="field">
      <label htmlFor={id}>Flagged</label>
      <select id={id} className="select" value={f.flagged ?? ""} onChange={(e) => choose(e.target.value)}>
        <option value="">Not filtered</option>
        <option value="review">Flagged for review{at("review")}</option>
        <option value="likely">Likely spam{at("likely")}</option>
      </select>
    </div>
  );
}
