import type { Wave } from "./types";

/** A wave as the JSON API returns it. `left`: members still waiting for a decision (0: handled). */
export const toApiWave = (w: Wave) => ({
  key: w.key, kind: w.kind, label: w.label, size: w.size, left: w.left, firstAt: w.firstAt.toISOString(), lastAt: w.lastAt.toISOString(),
  avgScore: w.avgScore, topReasons: w.topReasons, sampleUserIds: w.sampleUserIds,
});
