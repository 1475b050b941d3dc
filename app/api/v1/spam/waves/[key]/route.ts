import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { getSpamResult } from "@/lib/spam/cache";
import { findWave, openWaveMembers, waveMembers } from "@/lib/spam/queries";
import { toApiWave } from "@/lib/spam/serialize";

// GET /api/v1/spam/waves/<key> (the key percent-encoded as one segment) — the wave and the ids of its
// members still waiting for a decision; 404 when the current result has no such wave.
export const GET = apiRoute<{ key: string }>("spam.review", async ({ q, params }) => {
  const { result, ageMs } = await getSpamResult(q);
  const wave = findWave(result, params.key);
  if (!wave) throw notFound(`No spam wave ${params.key} in the current result: it was handled and has been recomputed away, or the key is mistyped`);
  return {
    wave: toApiWave(wave),
    memberIds: waveMembers(result, wave.key),
    openMemberIds: openWaveMembers(result, wave.key),
    computedAt: result.computedAt.toISOString(),
    ageSeconds: Math.round(ageMs / 1000),
  };
});
