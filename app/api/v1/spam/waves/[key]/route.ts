import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { getSpamResult } from "@/lib/spam/cache";
import { findWave, openWaveMembers, reconcileWave, waveMembers } from "@/lib/spam/queries";
import { parseSpamWavesParams } from "@/lib/spam/search-params";
import { toApiWave } from "@/lib/spam/serialize";

// GET /api/v1/spam/waves/<key>?since= (the key percent-encoded as one segment; `since` the window, as
// on the list) — the wave and the ids of its members still waiting for a decision; 404 when the
// window's current result has no such wave.
export const GET = apiRoute<{ key: string }>("spam.review", async ({ req, q, params }) => {
  const { sinceDays } = parseSpamWavesParams(new URL(req.url).searchParams);
  const { result, ageMs } = await getSpamResult(q, { sinceDays });
  const wave = findWave(result, params.key);
  if (!wave) throw notFound(`No spam wave ${params.key} in the current result: it was handled and has been recomputed away, or the key is mistyped`);
  await reconcileWave(q, result, wave.key);
  return {
    wave: toApiWave(wave),
    memberIds: waveMembers(result, wave.key),
    openMemberIds: openWaveMembers(result, wave.key),
    computedAt: result.computedAt.toISOString(),
    ageSeconds: Math.round(ageMs / 1000),
  };
});
