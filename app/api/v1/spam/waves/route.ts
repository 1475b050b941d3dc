import { apiRoute } from "@/lib/http/route";
import { getSpamResult } from "@/lib/spam/cache";
import { reconcileWaves } from "@/lib/spam/queries";
import { parseSpamWavesParams } from "@/lib/spam/search-params";
import { toApiWave } from "@/lib/spam/serialize";

// GET ?since= — waves (largest first) of the scored window `since` picks (7d, 30d default, 90d, 365d,
// all); with a date, the smallest window reaching back to it and waves with a member from then on.
// Handled waves (left: 0) are listed too, so a client sees its bans land.
export const GET = apiRoute("spam.review", async ({ req, q }) => {
  const { since, sinceDays } = parseSpamWavesParams(new URL(req.url).searchParams);
  const { result, ageMs } = await getSpamResult(q, { sinceDays });
  await reconcileWaves(q, result);
  return {
    data: result.waves.filter((w) => !since || w.lastAt >= since).map(toApiWave),
    computedAt: result.computedAt.toISOString(),
    ageSeconds: Math.round(ageMs / 1000),
  };
});
