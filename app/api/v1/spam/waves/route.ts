import { apiRoute } from "@/lib/http/route";
import { getSpamResult } from "@/lib/spam/cache";
import { parseSpamWavesParams } from "@/lib/spam/search-params";

// GET ?since= — waves (largest first) with a member who signed up at or after `since`.
export const GET = apiRoute("spam.review", async ({ req, q }) => {
  const { since } = parseSpamWavesParams(new URL(req.url).searchParams);
  const { result, ageMs } = await getSpamResult(q);
  return {
    data: result.waves
      .filter((w) => !since || w.lastAt >= since)
      .map((w) => ({
        key: w.key, kind: w.kind, label: w.label, size: w.size, firstAt: w.firstAt.toISOString(), lastAt: w.lastAt.toISOString(),
        avgScore: w.avgScore, topReasons: w.topReasons, sampleUserIds: w.sampleUserIds,
      })),
    computedAt: result.computedAt.toISOString(),
    ageSeconds: Math.round(ageMs / 1000),
  };
});
