import { createHash } from "node:crypto";
import type { SpamResult } from "../../lib/spam/types";

/**
 * One digest of a scoring result, to check that a faster engine gives the same answer on the same
 * data: every account's score, reasons (code, points, text), wave, out-of-review states and clearance (in id order, so
 * the order slices add rows in does not matter), every wave as it is listed, every signal and the
 * counts. Timings (stats.ms) are left out.
 */
export function resultHash(r: SpamResult): string {
  const h = createHash("sha256");
  const rows = [...r.accounts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [id, a] of rows) {
    h.update(JSON.stringify([id, a.score, a.reasons.map((x) => [x.code, x.points, x.text]), a.waveKey, a.out, a.clearedAt?.getTime() ?? null, a.createdAt.getTime()]));
    h.update("\n");
  }
  h.update(JSON.stringify(r.waves));
  h.update(JSON.stringify(r.signals));
  const { scored, loaded, flagged, likely, slices } = r.stats;
  h.update(JSON.stringify({ scored, loaded, flagged, likely, slices, thresholds: r.thresholds }));
  return h.digest("hex").slice(0, 16);
}
